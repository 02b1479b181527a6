package org.summittracker.system;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.filter.OncePerRequestFilter;

import org.summittracker.shared.CoreTurns;

/**
 * Handles each request in a turn ({@link CoreTurns}): at most as many at once as there
 * are turns, the others waiting in arrival order. Stylesheets, scripts and icons take no
 * turn: they are read from memory, and the pages that wait must still look right.
 * <p>
 * A large body is sent out of turn: past its first {@value #SENT_IN_TURN} bytes, it is
 * handed to the connection {@value #SENT_IN_TURN} bytes at a time with the turn given
 * back meanwhile, so that people downloading minutes over a slow line (or a client that
 * does not read at all) never keep everyone else waiting. Not while the request holds a
 * database connection (a minutes export read as it is written): then it keeps its turn,
 * as {@link CoreTurns} says.
 */
class RequestsInTurn extends OncePerRequestFilter {

	/**
	 * Bytes of a response sent in turn; the rest is sent this many at a time, out of
	 * turn.
	 */
	static final int SENT_IN_TURN = 64 * 1024;

	private final CoreTurns turns;

	RequestsInTurn(CoreTurns turns) {
		this.turns = turns;
	}

	CoreTurns turns() {
		return this.turns;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return StaticFilesWithoutSession.isStaticFile(request);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			LargeBodiesOutOfTurn sent = new LargeBodiesOutOfTurn(response);
			this.turns.inTurn(() -> {
				chain.doFilter(request, sent);
				sent.finish();
			});
		}
		catch (IOException | ServletException | RuntimeException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new ServletException(ex);
		}
	}

	/** The response whose body past {@link #SENT_IN_TURN} bytes is sent out of turn. */
	static final class LargeBodiesOutOfTurn extends HttpServletResponseWrapper {

		private OutOfTurn stream;

		LargeBodiesOutOfTurn(HttpServletResponse response) {
			super(response);
		}

		@Override
		public ServletOutputStream getOutputStream() throws IOException {
			if (this.stream == null) {
				this.stream = new OutOfTurn(super.getOutputStream());
			}
			return this.stream;
		}

		@Override
		public void flushBuffer() throws IOException {
			if (this.stream != null) {
				this.stream.flush();
			}
			super.flushBuffer();
		}

		/** Sends what is kept back: the request's work is done. */
		void finish() throws IOException {
			if (this.stream != null) {
				this.stream.send();
			}
		}

	}

	private static final class OutOfTurn extends ServletOutputStream {

		private final ServletOutputStream out;

		private final ByteArrayOutputStream kept = new ByteArrayOutputStream();

		private long written;

		OutOfTurn(ServletOutputStream out) {
			this.out = out;
		}

		@Override
		public void write(int b) throws IOException {
			write(new byte[] { (byte) b }, 0, 1);
		}

		@Override
		public void write(byte[] bytes, int offset, int length) throws IOException {
			if (this.written + length <= SENT_IN_TURN || !mayWaitOutOfTurn()) {
				send();
				this.out.write(bytes, offset, length);
			}
			else {
				this.kept.write(bytes, offset, length);
				if (this.kept.size() >= SENT_IN_TURN) {
					send();
				}
			}
			this.written += length;
		}

		@Override
		public void flush() throws IOException {
			send();
			if (this.written > SENT_IN_TURN && mayWaitOutOfTurn()) {
				CoreTurns.awayWhile(() -> {
					this.out.flush();
					return null;
				});
			}
			else {
				this.out.flush();
			}
		}

		@Override
		public void close() throws IOException {
			send();
			this.out.close();
		}

		/** Sends the bytes kept back, out of turn. */
		void send() throws IOException {
			if (this.kept.size() == 0) {
				return;
			}
			CoreTurns.awayWhile(() -> {
				this.kept.writeTo(this.out);
				return null;
			});
			this.kept.reset();
		}

		/**
		 * Whether the request may wait for the connection out of turn: not while it holds
		 * a database connection (bound to its transaction), which it would keep from the
		 * requests in turn.
		 */
		private static boolean mayWaitOutOfTurn() {
			return CoreTurns.held() && TransactionSynchronizationManager.getResourceMap().isEmpty();
		}

		@Override
		public boolean isReady() {
			return this.out.isReady();
		}

		@Override
		public void setWriteListener(WriteListener listener) {
			this.out.setWriteListener(listener);
		}

	}

}
