package org.summittracker.api;

import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

import org.summittracker.shared.PlainText;
import org.summittracker.shared.RuleViolation;

/**
 * The input-hygiene rule of the pages ({@link PlainText}) for JSON bodies: a body whose
 * text holds control characters is refused with 422, naming the fields, before any
 * service sees it.
 */
@ControllerAdvice(basePackageClasses = CleanBodies.class)
class CleanBodies extends RequestBodyAdviceAdapter {

	@Override
	public boolean supports(MethodParameter parameter, Type targetType,
			Class<? extends HttpMessageConverter<?>> converterType) {
		return parameter.getParameterType().isRecord();
	}

	@Override
	public Object afterBodyRead(Object body, HttpInputMessage inputMessage, MethodParameter parameter, Type targetType,
			Class<? extends HttpMessageConverter<?>> converterType) {
		List<RuleViolation.Problem> problems = new ArrayList<>();
		for (RecordComponent component : body.getClass().getRecordComponents()) {
			Object value;
			try {
				value = component.getAccessor().invoke(body);
			}
			catch (ReflectiveOperationException ex) {
				throw new IllegalStateException(ex);
			}
			boolean clean = (value instanceof Collection<?> values)
					? values.stream().allMatch((item) -> !(item instanceof String text) || PlainText.isClean(text))
					: !(value instanceof String text) || PlainText.isClean(text);
			if (!clean) {
				problems.add(new RuleViolation.Problem(component.getName(), (value instanceof Collection)
						? "typeMismatch.java.util.List" : "typeMismatch.java.lang.String"));
			}
		}
		if (!problems.isEmpty()) {
			throw new RuleViolation(problems);
		}
		return body;
	}

}
