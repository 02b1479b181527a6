package org.summittracker.freshness;

import java.lang.reflect.Method;
import java.lang.reflect.UndeclaredThrowableException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.persistence.Entity;

import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.repository.core.RepositoryInformation;
import org.springframework.data.repository.core.support.RepositoryFactoryBeanSupport;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import org.summittracker.shared.KeptByTables;

/**
 * The reads of every Spring Data repository, and the methods annotated
 * {@link KeptByTables}, kept by the tables they read ({@link ReadsByTables#read}) for the
 * pages, feeds and exports a reader asks for: a query method whose answer is a value
 * (records, numbers, texts, pages and lists of them, never entities) and whose arguments
 * are values is answered from what was kept while none of the tables its SQL names was
 * written since.
 *
 * <p>
 * Only while a request read its change stamp before its data ({@link FreshPagesFilter}):
 * a write's request (a form sent, an import) reads the database. A query method called
 * outside a transaction runs in a read-only one of its own, as reads should; within a
 * transaction that may write, it is never kept. What is kept is shared between requests:
 * the lists, sets and maps it answers are copied for each caller, which may change them.
 */
class KeptRepositoryReads implements BeanPostProcessor {

	private final ObjectProvider<ReadsByTables> reads;

	private final ObjectProvider<PlatformTransactionManager> transactions;

	private volatile TransactionTemplate readOnly;

	KeptRepositoryReads(ObjectProvider<ReadsByTables> reads, ObjectProvider<PlatformTransactionManager> transactions) {
		this.reads = reads;
		this.transactions = transactions;
	}

	@Override
	public Object postProcessBeforeInitialization(Object bean, String beanName) {
		if (bean instanceof RepositoryFactoryBeanSupport<?, ?, ?> repositories) {
			repositories.addRepositoryFactoryCustomizer((factory) -> factory.addRepositoryProxyPostProcessor(
					(proxy, repository) -> proxy.addAdvice(new Kept((method) -> nameOf(repository, method)))));
		}
		return bean;
	}

	private TransactionTemplate readOnly() {
		TransactionTemplate template = this.readOnly;
		if (template == null) {
			template = new TransactionTemplate(this.transactions.getObject());
			template.setReadOnly(true);
			this.readOnly = template;
		}
		return template;
	}

	/** Whether this request read its change stamp before its data. */
	private static boolean readsAtStamp() {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		return request != null
				&& request.getAttribute(FreshPagesFilter.STAMP_READ, RequestAttributes.SCOPE_REQUEST) != null;
	}

	/**
	 * The arguments as part of a key (copies of collections, which their caller may
	 * change later), or null when one of them is not a value.
	 */
	static List<Object> inputsOf(Object[] arguments) {
		List<Object> inputs = new ArrayList<>(arguments.length);
		for (Object argument : arguments) {
			Object input = (argument instanceof Object[] array) ? Arrays.asList(array) : argument;
			if (input instanceof PageRequest || input instanceof Sort) {
				inputs.add(input);
			}
			else if (ModelDigest.weightOf(input, null) >= 0) {
				inputs.add(copy(input));
			}
			else {
				return null;
			}
		}
		return inputs;
	}

	/** A copy of the containers the caller is handed, so that it may change them. */
	static Object copy(Object value) {
		if (value instanceof List<?> list) {
			return new ArrayList<>(list);
		}
		if (value instanceof Set<?> set) {
			return new LinkedHashSet<>(set);
		}
		if (value instanceof Map<?, ?> map) {
			return new LinkedHashMap<>(map);
		}
		return value;
	}

	/** The advice on methods annotated {@link KeptByTables}, wherever they are. */
	MethodInterceptor annotated() {
		return new Kept((method) -> method.getDeclaringClass().getName() + "." + method.getName()
				+ Arrays.toString(method.getParameterTypes()));
	}

	/**
	 * The method's name as a read, or an empty text when it is not one that may be kept:
	 * a query method that does not change rows and does not answer entities.
	 */
	private static String nameOf(RepositoryInformation repository, Method method) {
		if (!repository.isQueryMethod(method) || method.isAnnotationPresent(Modifying.class)
				|| method.getName().startsWith("delete") || method.getName().startsWith("remove")
				|| repository.getReturnedDomainClass(method).isAnnotationPresent(Entity.class)) {
			return "";
		}
		return repository.getRepositoryInterface().getName() + "." + method.getName()
				+ Arrays.toString(method.getParameterTypes());
	}

	/** The advice: reads answered from what was kept, or read and kept. */
	private final class Kept implements MethodInterceptor {

		/** What names each method that may be kept; an empty text when it may not. */
		private final Map<Method, String> names = new ConcurrentHashMap<>();

		private final Function<Method, String> naming;

		Kept(Function<Method, String> naming) {
			this.naming = naming;
		}

		@Override
		public Object invoke(MethodInvocation invocation) throws Throwable {
			String what = this.names.computeIfAbsent(invocation.getMethod(), this.naming);
			if (what.isEmpty() || !readsAtStamp()) {
				return invocation.proceed();
			}
			boolean inTransaction = TransactionSynchronizationManager.isActualTransactionActive();
			if (inTransaction && !TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
				return invocation.proceed();
			}
			ReadsByTables kept = KeptRepositoryReads.this.reads.getObject();
			List<Object> inputs = kept.isKeeping() ? inputsOf(invocation.getArguments()) : null;
			if (inputs == null) {
				return invocation.proceed();
			}
			Supplier<Object> read = () -> kept.read(what, inputs, () -> proceed(invocation));
			if (inTransaction) {
				return copy(read.get());
			}
			ReadsByTables.KeptRead found = kept.found(what, inputs);
			return copy((found != null) ? found.value() : readOnly().execute((status) -> read.get()));
		}

	}

	private static Object proceed(MethodInvocation invocation) {
		try {
			return invocation.proceed();
		}
		catch (RuntimeException | Error ex) {
			throw ex;
		}
		catch (Throwable ex) {
			throw new UndeclaredThrowableException(ex);
		}
	}

}
