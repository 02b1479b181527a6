package org.summittracker.api;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import org.summittracker.shared.PastTheEnd;
import org.summittracker.shared.PlainText;
import org.summittracker.shared.ProblemWriter;
import org.summittracker.shared.RuleViolation;
import org.summittracker.shared.StaleVersionException;
import org.summittracker.shared.TakenValue;

/**
 * Every refusal of the API as an RFC 9457 problem detail
 * ({@code application/problem+json}): Spring MVC's own (400, 404, 405, 406, 415) and the
 * domain's, each naming its type (one of {@link ApiReference#PROBLEMS}): 403 with the
 * reason, 409 for a unique key taken, 412 for a stale {@code If-Match}, 422 with the
 * field problems listed under {@code errors}, 428 for a missing {@code If-Match}. Never a
 * stack trace: anything unforeseen is logged and answered with a bare 500.
 */
@RestControllerAdvice(basePackageClasses = ApiProblems.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiProblems extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

	/** One field's problem, in words. */
	record FieldProblem(String field, String message) {

	}

	private final MessageSource messages;

	ApiProblems(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(RuleViolation.class)
	ResponseEntity<Object> ruleViolation(RuleViolation ex) {
		return answer(fieldProblems(HttpStatus.UNPROCESSABLE_CONTENT, "invalid", ex));
	}

	@ExceptionHandler(ApiProblem.BadFilters.class)
	ResponseEntity<Object> badFilters(ApiProblem.BadFilters ex) {
		return answer(fieldProblems(HttpStatus.BAD_REQUEST, "bad-parameter", ex.violation()));
	}

	private ProblemDetail fieldProblems(HttpStatus status, String type, RuleViolation ex) {
		List<FieldProblem> errors = ex.problems()
			.stream()
			.map((problem) -> new FieldProblem(problem.field(),
					this.messages.getMessage(problem.code(), problem.args(), problem.code(), Locale.ENGLISH)))
			.toList();
		ProblemDetail problem = problem(status, type,
				errors.size() == 1 ? errors.get(0).message() : "The request breaks " + errors.size() + " rules.");
		problem.setProperty("errors", errors);
		return problem;
	}

	@ExceptionHandler(ApiProblem.BadParameter.class)
	ResponseEntity<Object> badParameter(ApiProblem.BadParameter ex) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "bad-parameter", ex.getMessage());
		problem.setProperty("errors", List.of(new FieldProblem(ex.parameter(), ex.getMessage())));
		return answer(problem);
	}

	@ExceptionHandler(PastTheEnd.class)
	ResponseEntity<Object> pastTheEnd(PastTheEnd ex, HttpServletRequest request) {
		ProblemDetail problem = problem(HttpStatus.NOT_FOUND, "not-found",
				ex.sentence(this.messages, request.getParameter(ex.param()), Locale.ENGLISH));
		problem.setProperty("lastPage", ex.pages());
		return answer(problem);
	}

	@ExceptionHandler(ApiProblem.VersionRequired.class)
	ResponseEntity<Object> versionRequired(ApiProblem.VersionRequired ex) {
		return answer(problem(HttpStatus.PRECONDITION_REQUIRED, "version-required", ex.getMessage()));
	}

	@ExceptionHandler(ApiProblem.KeyReused.class)
	ResponseEntity<Object> keyReused(ApiProblem.KeyReused ex) {
		return answer(problem(ex.inProgress() ? HttpStatus.CONFLICT : HttpStatus.UNPROCESSABLE_CONTENT,
				"idempotency-key-reused", ex.getMessage()));
	}

	@ExceptionHandler({ StaleVersionException.class, ObjectOptimisticLockingFailureException.class })
	ResponseEntity<Object> stale(RuntimeException ex) {
		return answer(problem(HttpStatus.PRECONDITION_FAILED, "stale-version",
				"It changed since the version in If-Match; read it again and retry against its current version."));
	}

	@ExceptionHandler(AccessDeniedException.class)
	ResponseEntity<Object> notAllowed(AccessDeniedException ex) {
		// a feature's reason, by its message code; Spring Security's own in its words
		return answer(problem(HttpStatus.FORBIDDEN, "not-allowed", (ex instanceof MessageSourceResolvable reason)
				? this.messages.getMessage(reason, Locale.ENGLISH) : ex.getMessage()));
	}

	@ExceptionHandler(DataIntegrityViolationException.class)
	ResponseEntity<Object> taken(DataIntegrityViolationException ex) {
		TakenValue.Key key = TakenValue.constraint(ex).map(TakenValue.BY_CONSTRAINT::get).orElse(null);
		if (key == null) {
			log.warn("API write refused by the database: {}", ex.getMostSpecificCause().getClass().getName());
			return answer(problem(HttpStatus.CONFLICT, "conflict", "The change conflicts with what is stored."));
		}
		String message = this.messages.getMessage(key.code(), new Object[] { "" }, key.code(), Locale.ENGLISH);
		ProblemDetail problem = problem(HttpStatus.CONFLICT, "taken", message);
		problem.setProperty("errors", List.of(new FieldProblem(key.field(), message)));
		return answer(problem);
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<Object> unforeseen(Exception ex, WebRequest request) throws Exception {
		try {
			// Spring MVC's own exceptions (bad parameters, unreadable bodies, 404, 405)
			ResponseEntity<Object> handled = handleException(ex, request);
			if (handled != null) {
				return handled;
			}
		}
		catch (Exception notSpring) {
			// not one of Spring MVC's
		}
		log.error("API request failed", ex);
		return answer(problem(HttpStatus.INTERNAL_SERVER_ERROR, "server-error", "Something went wrong on our side."));
	}

	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		ResponseEntity<Object> answer = super.handleExceptionInternal(ex, body, headers, statusCode, request);
		if (answer != null && answer.getBody() instanceof ProblemDetail problem && (problem.getType() == null
				|| ProblemDetail.forStatus(statusCode).getType().equals(problem.getType()))) {
			// Spring MVC's own problems name a type too, as every other answer does.
			problem.setType(java.net.URI.create(ProblemWriter.TYPES + typeOf(statusCode)));
		}
		if (answer != null && answer.getBody() instanceof ProblemDetail problem && problem.getDetail() != null) {
			if (statusCode.value() == 400) {
				// Spring's details can quote what the client sent; say what is wrong
				// instead, naming the body's field or the parameter at fault.
				UnreadableBody.of(ex).ifPresentOrElse((unreadable) -> {
					problem.setDetail(unreadable.message());
					unreadable.field()
						.ifPresent((field) -> problem.setProperty("errors",
								List.of(new FieldProblem(field, unreadable.message()))));
				}, () -> problem
					.setDetail("The request cannot be read: a parameter, header or the JSON body is malformed."));
			}
			else {
				// A not-found reason names what was asked for: never as markup.
				problem.setDetail(PlainText.printable(problem.getDetail()).replaceAll("[<>&\"']", ""));
			}
		}
		return (answer != null) ? ResponseEntity.status(answer.getStatusCode())
			.headers(answer.getHeaders())
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(answer.getBody()) : null;
	}

	/** The type of one of Spring MVC's own problems, by its status. */
	private static String typeOf(HttpStatusCode status) {
		return switch (status.value()) {
			case 400 -> "bad-parameter";
			case 404 -> "not-found";
			case 405 -> "method-not-allowed";
			case 406 -> "not-acceptable";
			case 415 -> "unsupported-media-type";
			default -> (status.is5xxServerError()) ? "server-error" : "bad-parameter";
		};
	}

	static ProblemDetail problem(HttpStatus status, String type, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(java.net.URI.create(ProblemWriter.TYPES + type));
		return problem;
	}

	private static ResponseEntity<Object> answer(ProblemDetail problem) {
		return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

}
