package org.summittracker.freshness;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalAmount;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.TreeMap;
import java.util.UUID;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.data.domain.PageImpl;
import org.springframework.validation.BindingResult;

import org.summittracker.shared.CountedPage;

/**
 * A digest (SHA-256) of what a page is rendered from: its model's values, walked to their
 * leaves. Only values whose text is all they are take part: records (component by
 * component), strings, numbers, booleans, enums, dates and times, the JDK's collections
 * and maps, Spring Data's plain pages and {@link CountedPage}s, and a form's binding
 * while it holds no errors. Anything else (an entity, a proxy, an object of state) makes
 * the digest null: a page rendered from it is rendered every time. Two models with the
 * same digest render the same page from the same template, so the digest can key a page
 * already rendered.
 */
final class ModelDigest {

	/** Beyond these many values a model is not worth walking: it is rendered. */
	static final int MOST_VALUES = 200_000;

	private static final int DEEPEST = 40;

	private static final Log LOGGER = LogFactory.getLog(ModelDigest.class);

	private static final ClassValue<Method[]> COMPONENTS = new ClassValue<>() {
		@Override
		protected Method[] computeValue(Class<?> type) {
			RecordComponent[] components = type.getRecordComponents();
			Method[] accessors = new Method[components.length];
			for (int i = 0; i < components.length; i++) {
				accessors[i] = components[i].getAccessor();
				accessors[i].setAccessible(true);
			}
			return accessors;
		}
	};

	private static final ClassValue<byte[]> NAMES = new ClassValue<>() {
		@Override
		protected byte[] computeValue(Class<?> type) {
			return type.getName().getBytes(StandardCharsets.UTF_8);
		}
	};

	private byte[] bytes = new byte[4096];

	private int length;

	private int values;

	/** Told of every record, collection, map, array and page walked, when given. */
	private Consumer<Object> visited;

	private ModelDigest() {
	}

	/**
	 * The digest of these parts (texts) and this model, or null when the model holds
	 * something that is not a value.
	 */
	static ByteBuffer of(Map<String, ?> model, String... parts) {
		ModelDigest digest = new ModelDigest();
		for (String part : parts) {
			digest.text(part);
		}
		if (!digest.walk(new TreeMap<>(model), 0)) {
			return null;
		}
		return ByteBuffer.wrap(digest.sha256());
	}

	/**
	 * The digest of one value, as text, or null when it holds something that is not a
	 * value.
	 */
	static String ofValue(Object value) {
		ModelDigest digest = new ModelDigest();
		if (!digest.walk(value, 0)) {
			return null;
		}
		return Base64.getEncoder().encodeToString(digest.sha256());
	}

	/**
	 * About what a value takes in the heap (three times what its digest is made of), or
	 * -1 when it holds something that is not a value; every record, collection, map,
	 * array and page in it handed to {@code visited}.
	 */
	static long weightOf(Object value, Consumer<Object> visited) {
		ModelDigest digest = new ModelDigest();
		digest.visited = visited;
		return digest.walk(value, 0) ? 64L + 3L * digest.length : -1;
	}

	private byte[] sha256() {
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			sha.update(this.bytes, 0, this.length);
			return sha.digest();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private boolean walk(Object value, int depth) {
		if (++this.values > MOST_VALUES || depth > DEEPEST) {
			return false;
		}
		if (value == null) {
			tag('0');
			return true;
		}
		Class<?> type = value.getClass();
		if (value instanceof String text) {
			tag('s');
			text(text);
			return true;
		}
		if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
			tag('i');
			number(((Number) value).longValue());
			return true;
		}
		if (value instanceof Boolean bool) {
			tag(bool ? 't' : 'f');
			return true;
		}
		if (value instanceof Enum<?> constant) {
			tag('e');
			name(constant.getDeclaringClass());
			text(constant.name());
			return true;
		}
		if (isPlainValue(value)) {
			tag('v');
			name(type);
			text(value.toString());
			return true;
		}
		if (this.visited != null) {
			this.visited.accept(value);
		}
		if (type.isRecord()) {
			tag('r');
			name(type);
			for (Method accessor : COMPONENTS.get(type)) {
				if (!walk(component(accessor, value), depth + 1)) {
					return false;
				}
			}
			return true;
		}
		if (value instanceof Collection<?> items && isJdk(type)) {
			tag('c');
			number(items.size());
			return walkAll(items, depth);
		}
		if (value instanceof Map<?, ?> map && isJdk(type)) {
			tag('m');
			number(map.size());
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				if (!walk(entry.getKey(), depth + 1) || !walk(entry.getValue(), depth + 1)) {
					return false;
				}
			}
			return true;
		}
		if (value instanceof Object[] array) {
			tag('a');
			number(array.length);
			return walkAll(Arrays.asList(array), depth);
		}
		if (value instanceof Optional<?> optional) {
			tag('o');
			return walk(optional.orElse(null), depth + 1);
		}
		if (type == PageImpl.class || type == CountedPage.class) {
			PageImpl<?> page = (PageImpl<?>) value;
			tag(CountedPage.exact(page) ? 'p' : 'q');
			number(page.getNumber());
			number(page.getSize());
			number(page.getTotalElements());
			text(page.getSort().toString());
			return walkAll(page.getContent(), depth);
		}
		if (value instanceof BindingResult binding && !binding.hasErrors()) {
			tag('b');
			text(binding.getObjectName());
			return walk(binding.getTarget(), depth + 1);
		}
		if (LOGGER.isDebugEnabled()) {
			LOGGER.debug("Not a value: " + type.getName());
		}
		return false;
	}

	private boolean walkAll(Iterable<?> items, int depth) {
		for (Object item : items) {
			if (!walk(item, depth + 1)) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Values that their text says all of: dates, times and durations (the JDK's are
	 * immutable), big numbers, decimals, characters, identifiers.
	 */
	private static boolean isPlainValue(Object value) {
		return ((value instanceof TemporalAccessor || value instanceof TemporalAmount) && isJdk(value.getClass()))
				|| value instanceof BigDecimal || value instanceof BigInteger || value instanceof Double
				|| value instanceof Float || value instanceof Character || value instanceof UUID || value instanceof URI
				|| value instanceof Locale;
	}

	private static boolean isJdk(Class<?> type) {
		return type.getName().startsWith("java.");
	}

	private static Object component(Method accessor, Object record) {
		try {
			return accessor.invoke(record);
		}
		catch (IllegalAccessException | InvocationTargetException ex) {
			throw new IllegalStateException("Could not read " + accessor, ex);
		}
	}

	private void tag(char tag) {
		room(1);
		this.bytes[this.length++] = (byte) tag;
	}

	private void number(long number) {
		room(8);
		for (int shift = 56; shift >= 0; shift -= 8) {
			this.bytes[this.length++] = (byte) (number >>> shift);
		}
	}

	private void name(Class<?> type) {
		bytes(NAMES.get(type));
	}

	private void text(String text) {
		bytes(text.getBytes(StandardCharsets.UTF_8));
	}

	/** The bytes after their number, so that no two sequences of texts run together. */
	private void bytes(byte[] added) {
		number(added.length);
		room(added.length);
		System.arraycopy(added, 0, this.bytes, this.length, added.length);
		this.length += added.length;
	}

	private void room(int more) {
		if (this.length + more > this.bytes.length) {
			this.bytes = Arrays.copyOf(this.bytes, Math.max(this.bytes.length * 2, this.length + more));
		}
	}

}
