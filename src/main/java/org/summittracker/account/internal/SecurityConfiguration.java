package org.summittracker.account.internal;

import java.util.Set;

import jakarta.servlet.DispatcherType;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.web.servlet.ViewResolver;

import org.summittracker.account.Actors;
import org.summittracker.shared.ProblemWriter;
import org.summittracker.shared.SecurityHeaders;

/**
 * Who may reach what. Reading is open to everyone unless
 * {@code summit.public-read=false}; everything that changes data needs a signed-in
 * account, and the features check on the server what that account may do (see
 * {@link org.summittracker.account.Actor}); /admin needs the Admin role.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	static final String CONTENT_SECURITY_POLICY = SecurityHeaders.CONTENT_SECURITY_POLICY;

	@Bean
	PasswordEncoder passwordEncoder(
			@Value("${summit.passwords.argon2-memory-kib:" + Passwords.MEMORY_KIB + "}") int memoryKib,
			@Value("${summit.passwords.argon2-iterations:" + Passwords.ITERATIONS + "}") int iterations) {
		return Passwords.encoder(memoryKib, iterations);
	}

	/**
	 * Where the CSRF token of a session is kept: the filter chain checks forms against
	 * it, and a change of one's own password replaces it ({@link OwnPasswordController}).
	 */
	@Bean
	SessionCsrfTokens sessionCsrfTokens() {
		return new SessionCsrfTokens();
	}

	/**
	 * A request the firewall refuses (an encoded '..', a ';' in the path, an unknown
	 * method) gets the 400 page with the security headers of every other answer.
	 */
	@Bean
	RequestRejectedHandler requestRejectedHandler(JsonMapper json) {
		ProblemWriter problems = new ProblemWriter(json);
		return (request, response, rejected) -> {
			if (request.getRequestURI().startsWith("/api/")) {
				// The JSON API answers every refusal as a problem detail.
				problems.write(request, response, HttpStatus.BAD_REQUEST, "bad-address",
						"The address holds characters that are not allowed (such as an encoded slash or a control character).");
				return;
			}
			SecurityHeaders.addTo(response);
			response.sendError(HttpStatus.BAD_REQUEST.value());
		};
	}

	// The backup commands run without a web server, and so without this.
	@Bean
	@ConditionalOnWebApplication
	SecurityFilterChain securityFilterChain(HttpSecurity http, AccountDetailsService accounts,
			SignedInAccounts signedInAccounts, PasswordEncoder passwordEncoder, LoginThrottle throttle,
			@Qualifier("thymeleafViewResolver") ViewResolver views, Actors actors, MessageSource messages,
			SessionCsrfTokens csrfTokens, @Value("${summit.public-read:true}") boolean publicRead,
			@Value("${server.servlet.session.cookie.name:SESSION}") String sessionCookie) throws Exception {
		DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(accounts);
		passwords.setPasswordEncoder(passwordEncoder);
		// Check the password first, so that a disabled account answers exactly like a
		// wrong password.
		passwords.setPreAuthenticationChecks((user) -> {
		});
		passwords.setPostAuthenticationChecks(new AccountStatusUserDetailsChecker());
		http.authenticationManager(new ProviderManager(new ThrottledAuthenticationProvider(passwords, throttle)));

		http.authorizeHttpRequests((requests) -> {
			requests.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD).permitAll();
			requests
				.requestMatchers("/login", "/error", "/css/**", "/js/**", "/webjars/**", "/favicon.ico",
						"/actuator/health")
				.permitAll();
			requests.requestMatchers("/admin/**").hasRole("ADMIN");
			if (publicRead) {
				requests.requestMatchers(HttpMethod.GET, "/**").permitAll();
				requests.requestMatchers(HttpMethod.HEAD, "/**").permitAll();
			}
			requests.anyRequest().authenticated();
		});

		// Redirects are relative, never built from the request's Host header (which the
		// sender chooses): after signing in, back to the page asked for, as a path.
		SavedRequestAwareAuthenticationSuccessHandler signedIn = new SavedRequestAwareAuthenticationSuccessHandler();
		DefaultRedirectStrategy relative = new DefaultRedirectStrategy();
		relative.setContextRelative(true);
		signedIn.setRedirectStrategy(relative);
		http.formLogin((login) -> login.loginPage("/login")
			.successHandler(signedIn)
			.failureHandler(new LoginFailureHandler())
			.permitAll());
		http.logout((logout) -> logout.logoutUrl("/logout")
			.logoutSuccessUrl("/login?signedout")
			.deleteCookies(sessionCookie));

		// Browsers asking for HTML are sent to the login page; other clients get a plain
		// 401.
		MediaTypeRequestMatcher html = new MediaTypeRequestMatcher(MediaType.TEXT_HTML,
				MediaType.APPLICATION_XHTML_XML);
		html.setIgnoredMediaTypes(Set.of(MediaType.ALL));
		LoginUrlAuthenticationEntryPoint toLogin = new LoginUrlAuthenticationEntryPoint("/login");
		toLogin.setFavorRelativeUris(true);
		http.exceptionHandling((exceptions) -> exceptions.defaultAuthenticationEntryPointFor(toLogin, html)
			.defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED),
					AnyRequestMatcher.INSTANCE)
			.accessDeniedHandler(new DeniedPage(views, actors, messages)));

		http.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
			.frameOptions((frames) -> frames.deny())
			.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)));

		// The session holds the account's id, not the security context; each request
		// that asks who is signed in reads the account as it is now (AccountSessions).
		http.csrf((csrf) -> csrf.csrfTokenRepository(csrfTokens));
		http.securityContext((context) -> context.securityContextRepository(new DelegatingSecurityContextRepository(
				new RequestAttributeSecurityContextRepository(), new AccountSessions(signedInAccounts))));
		return http.build();
	}

}
