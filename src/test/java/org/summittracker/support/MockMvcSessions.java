package org.summittracker.support;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.session.web.http.CookieHttpSessionIdResolver;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.HttpSessionIdResolver;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.web.util.WebUtils;

/**
 * Lets MockMvc tests keep a signed-in session the MockMvc way ({@code .session(s)}) while
 * the session itself lives where it always does, in PostgreSQL through Spring Session: a
 * MockMvc request carries the stored session's id in its {@code MockHttpSession}, every
 * other request in the session cookie.
 */
@TestConfiguration(proxyBeanMethods = false)
public class MockMvcSessions {

	static final String SESSION_ID = MockMvcSessions.class.getName() + ".id";

	/** The id of the stored session a MockMvc test's session stands for, or null. */
	public static String storedId(HttpSession session) {
		return (session != null && session.getAttribute(SESSION_ID) instanceof String id) ? id : null;
	}

	@Bean
	static BeanPostProcessor mockMvcSessionIds(ObjectProvider<CookieSerializer> cookies) {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof SessionRepositoryFilter<?> filter) {
					filter.setHttpSessionIdResolver(resolver(cookies.getObject()));
				}
				return bean;
			}

		};
	}

	static HttpSessionIdResolver resolver(CookieSerializer cookies) {
		CookieHttpSessionIdResolver byCookie = new CookieHttpSessionIdResolver();
		byCookie.setCookieSerializer(cookies);
		return new HttpSessionIdResolver() {

			@Override
			public List<String> resolveSessionIds(HttpServletRequest request) {
				MockHttpServletRequest mock = WebUtils.getNativeRequest(request, MockHttpServletRequest.class);
				HttpSession session = (mock != null) ? mock.getSession(false) : null;
				if (session != null && session.getAttribute(SESSION_ID) instanceof String id) {
					return List.of(id);
				}
				return byCookie.resolveSessionIds(request);
			}

			@Override
			public void setSessionId(HttpServletRequest request, HttpServletResponse response, String sessionId) {
				MockHttpServletRequest mock = WebUtils.getNativeRequest(request, MockHttpServletRequest.class);
				if (mock != null) {
					mock.getSession(true).setAttribute(SESSION_ID, sessionId);
				}
				byCookie.setSessionId(request, response, sessionId);
			}

			@Override
			public void expireSession(HttpServletRequest request, HttpServletResponse response) {
				MockHttpServletRequest mock = WebUtils.getNativeRequest(request, MockHttpServletRequest.class);
				HttpSession session = (mock != null) ? mock.getSession(false) : null;
				if (session != null) {
					session.removeAttribute(SESSION_ID);
				}
				byCookie.expireSession(request, response);
			}

		};
	}

}
