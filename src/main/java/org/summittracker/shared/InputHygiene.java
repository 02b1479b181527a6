package org.summittracker.shared;

import org.springframework.beans.PropertyAccessException;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.validation.BindingResult;
import org.springframework.validation.DefaultBindingErrorProcessor;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Applies {@link PlainText}'s rule to every string any request binds (form fields,
 * filters, path variables), and lets the message of a value that does not bind repeat it:
 * {@code {0}} is the field, {@code {1}} the value as it was sent (made printable).
 */
@ControllerAdvice
class InputHygiene {

	@InitBinder
	void initBinder(WebDataBinder binder) {
		binder.registerCustomEditor(String.class, new PlainText.Editor());
		binder.setBindingErrorProcessor(new EchoingErrors());
	}

	private static final class EchoingErrors extends DefaultBindingErrorProcessor {

		@Override
		public void processPropertyAccessException(PropertyAccessException ex, BindingResult result) {
			String field = ex.getPropertyName();
			String[] codes = result.resolveMessageCodes(ex.getErrorCode(), field);
			Object[] arguments = {
					new DefaultMessageSourceResolvable(new String[] { result.getObjectName() + "." + field, field },
							field),
					PlainText.printable(ex.getValue()) };
			FieldError error = new FieldError(result.getObjectName(), field, ex.getValue(), true, codes, arguments,
					ex.getLocalizedMessage());
			error.wrap(ex);
			result.addError(error);
		}

	}

}
