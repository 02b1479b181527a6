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
		if (!form.hasErrors()) {
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
		return handle(form, response, save, formPage, () -> {
			throw new IllegalStateException("A new thing cannot be stale");
		});
	}

}
