package org.summittracker.shared;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.CollectionFactory;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.ConditionalGenericConverter;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.convert.converter.ConverterFactory;
import org.springframework.format.Formatter;
import org.springframework.format.FormatterRegistry;
import org.springframework.util.StringUtils;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * How request values become domain types. Enums bind from their names in any case, with
 * '-' for '_' ({@code in-progress}, {@code OPEN}, {@code newest}); a blank value is none
 * and anything else a type mismatch, answered with the message
 * {@code typeMismatch.<the enum's class>}. Days bind as ISO dates (2026-03-31) within
 * {@link Dates#FIRST_YEAR} and {@link Dates#LAST_YEAR}, so a typo such as 20266-01-01 or
 * +1000000-01-01 is a type mismatch like any malformed date; numbers and booleans bind as
 * Spring binds them.
 */
@Configuration(proxyBeanMethods = false)
class Binding implements WebMvcConfigurer {

	@Override
	public void addFormatters(FormatterRegistry registry) {
		registry.addConverterFactory(new EnumsByName());
		registry.addFormatterForFieldType(LocalDate.class, new Days());
		registry.addConverter(new CleanStringLists());
	}

	/**
	 * Several values of one field ({@code subsystems=a&subsystems=b}) bound as a list of
	 * strings keep {@link PlainText}'s rule too: Spring converts them without the editor
	 * that checks single strings.
	 */
	private static final class CleanStringLists implements ConditionalGenericConverter {

		@Override
		public Set<ConvertiblePair> getConvertibleTypes() {
			return Set.of(new ConvertiblePair(String[].class, Collection.class),
					new ConvertiblePair(String.class, Collection.class));
		}

		@Override
		public boolean matches(TypeDescriptor sourceType, TypeDescriptor targetType) {
			TypeDescriptor element = targetType.getElementTypeDescriptor();
			return element != null && element.getType() == String.class;
		}

		@Override
		public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
			if (source == null) {
				return null;
			}
			String[] values = (source instanceof String[] array) ? array
					: StringUtils.commaDelimitedListToStringArray((String) source);
			Collection<Object> target = CollectionFactory.createCollection(targetType.getType(), values.length);
			for (String value : values) {
				if (!PlainText.isClean(value)) {
					throw new IllegalArgumentException("Text with control characters");
				}
				target.add((source instanceof String) ? value.trim() : value);
			}
			return target;
		}

	}

	private static final class Days implements Formatter<LocalDate> {

		@Override
		public LocalDate parse(String text, Locale locale) {
			String day = text.strip();
			if (day.isEmpty()) {
				return null;
			}
			try {
				LocalDate parsed = LocalDate.parse(day, DateTimeFormatter.ISO_LOCAL_DATE);
				if (!Dates.isPlausible(parsed)) {
					throw new IllegalArgumentException("Not a plausible day: " + day);
				}
				return parsed;
			}
			catch (DateTimeParseException ex) {
				throw new IllegalArgumentException("Not a day: " + day, ex);
			}
		}

		@Override
		public String print(LocalDate day, Locale locale) {
			return day.toString();
		}

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
