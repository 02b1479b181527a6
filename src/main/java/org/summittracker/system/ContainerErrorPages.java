package org.summittracker.system;

import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;

import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

import org.summittracker.shared.SecurityHeaders;

/**
 * The answers Tomcat gives itself, before the application sees the request (a 400 for a
 * malformed URL or an oversized header, say): no stack trace, no server version, and the
 * security headers every page of the application carries, so even these cannot be framed,
 * sniffed or made to run a script.
 */
@Component
class ContainerErrorPages implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {

	@Override
	public void customize(ConfigurableTomcatWebServerFactory factory) {
		factory.addContextCustomizers((context) -> {
			if (context.getParent() instanceof StandardHost host) {
				for (Valve valve : host.getPipeline().getValves()) {
					if (valve instanceof ErrorReportValve) {
						host.getPipeline().removeValve(valve);
					}
				}
				host.setErrorReportValveClass(WithSecurityHeaders.class.getName());
				host.getPipeline().addValve(new WithSecurityHeaders());
			}
		});
	}

	@Override
	public int getOrder() {
		// After Spring Boot's own customizer, whose error report valve this replaces.
		return Ordered.LOWEST_PRECEDENCE;
	}

	/** Tomcat's error report, without its details, with the application's headers. */
	public static class WithSecurityHeaders extends ErrorReportValve {

		public WithSecurityHeaders() {
			setShowReport(false);
			setShowServerInfo(false);
		}

		@Override
		protected void report(Request request, Response response, Throwable throwable) {
			if (response.getStatus() >= 400 && !response.isCommitted()) {
				SecurityHeaders.addTo(response);
			}
			super.report(request, response, throwable);
		}

	}

}
