package org.summittracker.system;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * How much of an answer Tomcat hands the socket at once: its connections' write buffer,
 * whose size is also the chunk a large body is written in. At Tomcat's 8 KB, the event's
 * minutes at summit scale (419 KB gzipped as JSON) took 52 system calls, each with a copy
 * into a buffer of the JDK's own; at 64 KB, 7, and wrk read them 1.3 to 1.8 times as fast
 * (docs/benchmark-rounds.md, sixteenth session). Tomcat gives every open connection such
 * a buffer, so {@code server.tomcat.max-connections} is bounded to keep their sum (72 MB
 * at 1,000 connections) well inside the heap.
 */
@Component
class SocketWrites implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> {

	private final DataSize size;

	SocketWrites(@Value("${summit.server.socket-write-size:64KB}") DataSize size) {
		this.size = size;
	}

	@Override
	public void customize(ConfigurableTomcatWebServerFactory factory) {
		factory.addConnectorCustomizers(
				(connector) -> connector.setProperty("socket.appWriteBufSize", String.valueOf(this.size.toBytes())));
	}

}
