package org.summittracker.minutes;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * A session's PDF minutes, kept with the minutes they print: a request whose minutes
 * equal the kept ones is sent the kept PDF, any other renders it and keeps it in their
 * place. The page cache keeps a whole answer only until the next write anywhere; laying
 * out a PDF costs tens of milliseconds (the text formats under one), so while a summit is
 * being recorded a session's PDF was laid out again for every request though what it
 * prints had not changed. One PDF per session, replaced in place, so writes to a session
 * leave nothing behind for the collector's old generation.
 */
@Component
class KeptSessionPdfs {

	private final Cache<Long, Kept> kept;

	private final boolean keeping;

	private final AtomicLong laidOut = new AtomicLong();

	KeptSessionPdfs(@Value("${summit.minutes.pdf-kept-size:4MB}") DataSize size,
			@Value("${summit.pages.cache.enabled:true}") boolean keeping) {
		this.kept = Caffeine.newBuilder()
			.maximumWeight(size.toBytes())
			.weigher((Long session, Kept pdf) -> pdf.weight())
			.build();
		this.keeping = keeping;
	}

	/**
	 * Writes these minutes' PDF to {@code out}: the kept one when it was laid out from
	 * equal minutes, else the one {@code layout} writes, then kept.
	 */
	void write(Long session, SessionMinutes minutes, OutputStream out, Layout layout) throws IOException {
		if (!this.keeping) {
			this.laidOut.incrementAndGet();
			layout.write(out);
			return;
		}
		Kept found = this.kept.getIfPresent(session);
		if (found == null || !found.minutes().equals(minutes)) {
			ByteArrayOutputStream pdf = new ByteArrayOutputStream(32 * 1024);
			this.laidOut.incrementAndGet();
			layout.write(pdf);
			found = new Kept(minutes, pdf.toByteArray());
			this.kept.put(session, found);
		}
		out.write(found.pdf());
	}

	/** How many PDFs were laid out since the start (kept ones are not counted again). */
	long laidOut() {
		return this.laidOut.get();
	}

	interface Layout {

		void write(OutputStream out) throws IOException;

	}

	/**
	 * A PDF with the minutes it prints; its weight counts the minutes as much again as
	 * the PDF (they hold the same text, uncompressed).
	 */
	record Kept(SessionMinutes minutes, byte[] pdf) {

		int weight() {
			return 512 + 2 * this.pdf.length;
		}

	}

}
