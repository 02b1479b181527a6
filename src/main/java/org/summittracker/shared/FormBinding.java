package org.summittracker.shared;

import java.lang.annotation.Annotation;
import java.util.Map;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.validation.annotation.ValidationAnnotationUtils;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.annotation.ModelAttributeMethodProcessor;
import org.springframework.web.method.annotation.ModelFactory;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

/**
 * Forms are records, bound through their constructors. When a value does not bind (a
 * malformed date, an unknown status, text with control characters), Spring still
 * constructs the record, with nothing for that value, but leaves it out of the model and
 * keeps errors that belong to no object, which a page cannot re-render. This puts the
 * record back next to its errors, so the form's page shows what was sent and says what is
 * wrong with it, like any other mistake.
 */
@Configuration(proxyBeanMethods = false)
class FormBinding {

	@Bean
	static BeanPostProcessor formsKeepTheirRecords() {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof RequestMappingHandlerAdapter adapter && adapter.getArgumentResolvers() != null) {
					adapter.setArgumentResolvers(adapter.getArgumentResolvers()
						.stream()
						.map((resolver) -> (resolver instanceof ModelAttributeMethodProcessor)
								? new RecordKeeping(resolver) : resolver)
						.toList());
				}
				return bean;
			}

		};
	}

	private record RecordKeeping(HandlerMethodArgumentResolver delegate) implements HandlerMethodArgumentResolver {

		@Override
		public boolean supportsParameter(MethodParameter parameter) {
			return this.delegate.supportsParameter(parameter);
		}

		@Override
		public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
				NativeWebRequest request, WebDataBinderFactory binders) throws Exception {
			Object form = this.delegate.resolveArgument(parameter, container, request, binders);
			String name = ModelFactory.getNameForParameter(parameter);
			Map<String, Object> model = container.getModel();
			if (form != null && model.get(BindingResult.MODEL_KEY_PREFIX + name) instanceof BindingResult errors
					&& errors.getTarget() == null) {
				BindingResult kept = new BeanPropertyBindingResult(form, name);
				kept.addAllErrors(errors);
				validate(parameter, form, name, request, binders, kept);
				model.remove(name);
				model.remove(BindingResult.MODEL_KEY_PREFIX + name);
				// The binding result stays last, for the handler's BindingResult
				// parameter.
				model.put(name, form);
				model.put(BindingResult.MODEL_KEY_PREFIX + name, kept);
			}
			return form;
		}

		/**
		 * The validation Spring skips when a value did not bind, for the other fields, so
		 * every mistake is said at once.
		 */
		private static void validate(MethodParameter parameter, Object form, String name, NativeWebRequest request,
				WebDataBinderFactory binders, BindingResult kept) throws Exception {
			for (Annotation annotation : parameter.getParameterAnnotations()) {
				if (ValidationAnnotationUtils.determineValidationHints(annotation) != null) {
					WebDataBinder binder = binders.createBinder(request, form, name);
					binder.validate();
					for (ObjectError error : binder.getBindingResult().getAllErrors()) {
						if (!(error instanceof FieldError field) || !kept.hasFieldErrors(field.getField())) {
							kept.addError(error);
						}
					}
					return;
				}
			}
		}

	}

}
