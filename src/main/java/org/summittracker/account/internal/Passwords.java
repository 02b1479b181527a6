package org.summittracker.account.internal;

import java.util.Map;
import java.util.concurrent.Semaphore;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * How passwords are stored: Argon2id, which hashes every byte of a password (bcrypt reads
 * only the first 72 and refuses to hash more), through Spring Security's delegating
 * encoder, so hashes stored with bcrypt ({@code {bcrypt}...}) keep working. Each hash
 * takes 12 MiB for a moment (OWASP's m=12 MiB, t=3, p=1), so at most one is computed per
 * core at a time: a burst of sign-ins queues for the CPU instead of filling the heap. The
 * cost can be lowered ({@code summit.passwords.argon2-memory-kib} and
 * {@code summit.passwords.argon2-iterations}): the tests, which hash thousands of
 * passwords, do; each hash keeps its own cost, so every stored one keeps working.
 */
final class Passwords {

	static final int MEMORY_KIB = 12 * 1024;

	static final int ITERATIONS = 3;

	private Passwords() {
	}

	static PasswordEncoder encoder(int memoryKib, int iterations) {
		PasswordEncoder argon2 = new OnePerCore(new Argon2PasswordEncoder(16, 32, 1, memoryKib, iterations));
		return new DelegatingPasswordEncoder("argon2", Map.of("argon2", argon2, "bcrypt", new BCryptPasswordEncoder()));
	}

	private static final class OnePerCore implements PasswordEncoder {

		private static final Semaphore cores = new Semaphore(Runtime.getRuntime().availableProcessors());

		private final PasswordEncoder encoder;

		OnePerCore(PasswordEncoder encoder) {
			this.encoder = encoder;
		}

		@Override
		public String encode(CharSequence rawPassword) {
			cores.acquireUninterruptibly();
			try {
				return this.encoder.encode(rawPassword);
			}
			finally {
				cores.release();
			}
		}

		@Override
		public boolean matches(CharSequence rawPassword, String encodedPassword) {
			cores.acquireUninterruptibly();
			try {
				return this.encoder.matches(rawPassword, encodedPassword);
			}
			finally {
				cores.release();
			}
		}

	}

}
