package org.summittracker.account.internal;

import java.time.Clock;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

import org.summittracker.shared.ProblemWriter;
import org.summittracker.shared.SecurityHeaders;

/**
 * The JSON API's own filter chain, before the browsers' one: stateless, no CSRF (a token
 * request carries no cookie a forged form could ride on), a personal access token in
 * {@code Authorization: Bearer}, rate limits, and problem details for 401, 403 and 429.
 * Reading needs a token with any scope, changing data one with the write scope; the
 * OpenAPI document is open to everyone (its reference page, /api-reference, is one of the
 * browsers' pages).
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurityConfiguration {

	static final String API = "/api/**";

	@Bean
	@Order(1)
	@ConditionalOnWebApplication
	SecurityFilterChain apiFilterChain(HttpSecurity http, AccessTokens tokens, SignedInAccounts accounts,
			JdbcClient jdbc, Clock clock, JsonMapper json, @Value("${summit.api.rate.per-token:600}") int perToken,
			@Value("${summit.api.rate.per-address:1200}") int perAddress) throws Exception {
		ProblemWriter problems = new ProblemWriter(json);
		http.securityMatcher(PathPatternRequestMatcher.pathPattern(API));
		http.authorizeHttpRequests((requests) -> {
			requests.requestMatchers("/api/v1/openapi.json", "/api/v1/openapi.json.yaml", "/api/v1/openapi.json/**")
				.permitAll();
			requests.requestMatchers(HttpMethod.GET, API).hasAuthority(BearerTokenFilter.READ);
			requests.requestMatchers(HttpMethod.HEAD, API).hasAuthority(BearerTokenFilter.READ);
			requests.anyRequest().hasAuthority(BearerTokenFilter.WRITE);
		});
		http.csrf((csrf) -> csrf.disable());
		http.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
		http.requestCache((cache) -> cache.disable());
		http.securityContext((context) -> context.requireExplicitSave(true));
		http.anonymous((anonymous) -> anonymous.principal("anonymousUser"));
		http.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint((request, response, ex) -> {
			response.setHeader("WWW-Authenticate", "Bearer realm=\"summit-tracker\"");
			problems.write(request, response, HttpStatus.UNAUTHORIZED, "token-required",
					"This needs a personal access token in an “Authorization: Bearer” header (make one at /account/tokens).");
		}).accessDeniedHandler((request, response, ex) -> {
			Authentication who = SecurityContextHolder.getContext().getAuthentication();
			boolean readOnly = who != null && who.getAuthorities()
				.stream()
				.noneMatch((authority) -> BearerTokenFilter.WRITE.equals(authority.getAuthority()));
			problems.write(request, response, HttpStatus.FORBIDDEN, readOnly ? "read-only-token" : "not-allowed",
					readOnly ? "This token may only read; changing data needs a token with the write scope."
							: "Not allowed.");
		}));
		http.headers((headers) -> headers
			.contentSecurityPolicy((csp) -> csp.policyDirectives(SecurityHeaders.CONTENT_SECURITY_POLICY))
			.frameOptions((frames) -> frames.deny())
			.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)));
		BearerTokenFilter bearer = new BearerTokenFilter(tokens, accounts, problems);
		ApiRateLimits limits = new ApiRateLimits(jdbc, clock, problems, perToken, perAddress);
		http.addFilterBefore(bearer, AnonymousAuthenticationFilter.class);
		http.addFilterBefore(limits.addressStage(), BearerTokenFilter.class);
		http.addFilterAfter(limits.tokenStage(), BearerTokenFilter.class);
		return http.build();
	}

}
