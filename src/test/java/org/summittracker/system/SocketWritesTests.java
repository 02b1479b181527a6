package org.summittracker.system;

import org.apache.catalina.connector.Connector;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

import org.summittracker.support.SummitIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The running server writes large answers 64 KB at a time, and holds no more open
 * connections, each with such a buffer, than its heap can afford.
 */
@SummitIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SocketWritesTests {

	@Autowired
	WebServerApplicationContext context;

	@Test
	void largeAnswersAreWrittenInChunksOf64KbOnABoundedNumberOfConnections() {
		Connector connector = ((TomcatWebServer) this.context.getWebServer()).getTomcat().getConnector();
		assertThat(connector.getProperty("socket.appWriteBufSize")).hasToString("65536");
		assertThat(connector.getProperty("maxConnections")).hasToString("1000");
	}

}
