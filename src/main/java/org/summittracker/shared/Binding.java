package org.summittracker.shared;

import java.util.Locale;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.convert.converter.ConverterFactory;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * How request values become domain types. Enums bind from their names in any case, with
 * '-' for '_' ({@code in-progress}, {@code OPEN}, {@code newest}); a blank value is none
 * and anything else a type mismatch, answered with the message
 * {@code typeMismatch.<the enum's class>}. Days bind as ISO dates
 * ({@code spring.mvc.format.date=iso}), numbers and booleans as Spring binds them.
 */
@Configuration(proxyBeanMethods = false)
class Binding implements WebMvcConfigurer {

	@Override
	public void addFormatters(FormatterRegistry registry) {
		registry.addConverterFactory(new EnumsByName());
	}

	@SuppressWarnings({ "rawtypes", "unchecked" })
	private static final class EnumsByName implements ConverterFactory<String, Enum> {

		@Override
		public <T extends Enum> Converter<String, T> getConverter(Class<T> type) {
			Class<?> enumType = type;
			while (enumType != null && !enumType.isEnum()) {
				enumType = enumType.getSuperclass();
			}
			Class<T> target = (Class<T>) enumType;
			return (source) -> {
				String name = source.strip().replace('-', '_').toUpperCase(Locale.ROOT);
				if (name.isEmpty()) {
					return null;
				}
				for (T constant : target.getEnumConstants()) {
					if (constant.name().equals(name)) {
						return constant;
					}
				}
				throw new IllegalArgumentException("No " + target.getSimpleName() + " " + source);
			};
		}

	}

}
