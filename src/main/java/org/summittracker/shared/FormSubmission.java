package org.summittracker.shared;

import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.validation.BindingResult;

/**
 * How every form submission ends, in one place: when binding or validation found
 * mistakes, or the domain refuses the change ({@link RuleViolation}), the form's page
 * again with the messages next to the fields and 422; when the form was filled in against
 * an older version ({@link StaleVersionException}, or an optimistic-lock failure at
 * flush), the conflict page with the current state and 409; when a unique key was taken
 * at the same moment ({@link TakenValue}), the form's page saying which, with 409;
 * otherwise what saving answers (a redirect). Either way nothing half-saved remains: the
 * change's transaction rolled back.
 * <p>
 * A form whose values did not all bind (a malformed date, a text too long) is not saved,
 * but the domain's rules are still checked on what did bind ({@code rules}: the domain's
 * own check of the change, which saves nothing), so the page says every mistake at once,
 * not the others only once the first is corrected.
 */
public final class FormSubmission {

	private FormSubmission() {
	}

	/**
	 * Saves unless the form has errors.
	 * @param form the form's binding result
	 * @param response where the status goes
	 * @param save makes the change and answers the view to go to (a redirect)
	 * @param formPage fills the model of the form's page and answers its view
	 * @param conflictPage fills the model of the page showing the current state and
	 * answers its view
	 */
	public static String handle(BindingResult form, HttpServletResponse response, Supplier<String> save,
			Supplier<String> formPage, Supplier<String> conflictPage) {
		return handle(form, () -> {
		}, response, save, formPage, conflictPage);
	}

	/**
	 * Saves unless the form has errors; when it has, says with them what else the
	 * domain's rules refuse.
	 * @param form the form's binding result
	 * @param rules the domain's check of the change on what the form says, saving
	 * nothing: throws a {@link RuleViolation} with every rule broken
	 * @param response where the status goes
	 * @param save makes the change and answers the view to go to (a redirect)
	 * @param formPage fills the model of the form's page and answers its view
	 * @param conflictPage fills the model of the page showing the current state and
	 * answers its view
	 */
	public static String handle(BindingResult form, Runnable rules, HttpServletResponse response, Supplier<String> save,
			Supplier<String> formPage, Supplier<String> conflictPage) {
		if (form.hasErrors()) {
			try {
				rules.run();
			}
			catch (RuleViolation ex) {
				ex.rejectOn(form);
			}
		}
		else {
			try {
				return save.get();
			}
			catch (RuleViolation ex) {
				ex.rejectOn(form);
			}
			catch (StaleVersionException | ObjectOptimisticLockingFailureException ex) {
				response.setStatus(HttpStatus.CONFLICT.value());
				return conflictPage.get();
			}
			catch (DataIntegrityViolationException ex) {
				// A unique key taken at the same moment: the form again, saying which.
				RuleViolation taken = TakenValue.of(ex, form).orElseThrow(() -> ex);
				taken.rejectOn(form);
				response.setStatus(HttpStatus.CONFLICT.value());
				return formPage.get();
			}
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return formPage.get();
	}

	/**
	 * The same for a form that creates something new, which no one else can have changed
	 * meanwhile.
	 */
	public static String handle(BindingResult form, HttpServletResponse response, Supplier<String> save,
			Supplier<String> formPage) {
		return handle(form, () -> {
		}, response, save, formPage);
	}

	/**
	 * The same for a form that creates something new, with the domain's check of it.
	 */
	public static String handle(BindingResult form, Runnable rules, HttpServletResponse response, Supplier<String> save,
			Supplier<String> formPage) {
		return handle(form, rules, response, save, formPage, () -> {
			throw new IllegalStateException("A new thing cannot be stale");
		});
	}

}
