package org.summittracker.shared;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.Page;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Where a page number asked past the end of its list is answered: the 404 page saying so
 * ({@link PastTheEnd}), with a link to the last page that keeps every other parameter
 * (the filters, the other sections' pages).
 * <p>
 * The sections of a page paged on their own are checked by {@link SectionPages}, which
 * knows their parameters. A page's one list is checked here, once its controller has read
 * it: a page of a list in the model (or in a record of the model) past its last page was
 * asked by the {@code page} parameter. No query is issued: the total was read with the
 * page.
 */
@ControllerAdvice
@Configuration(proxyBeanMethods = false)
class PastTheEndPages implements WebMvcConfigurer {

	/** The parameter that pages a page's one list. */
	static final String PARAM = "page";

	private final MessageSource messages;

	PastTheEndPages(MessageSource messages) {
		this.messages = messages;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new ListsChecked());
	}

	@ExceptionHandler(PastTheEnd.class)
	ModelAndView pastTheEnd(PastTheEnd ex, HttpServletRequest request) {
		ModelAndView page = new ModelAndView("error/past-end", HttpStatus.NOT_FOUND);
		page.addObject("sentence",
				ex.sentence(this.messages, request.getParameter(ex.param()), LocaleContextHolder.getLocale()));
		page.addObject("lastPage", ex.lastPage(request.getRequestURI(), request.getParameterMap()));
		page.addObject("pages", ex.pages());
		return page;
	}

	/** Checks the page of the list a controller put in the model. */
	private static final class ListsChecked implements HandlerInterceptor {

		/** The components of each record type that are pages of a list. */
		private final Map<Class<?>, List<RecordComponent>> pagesOf = new ConcurrentHashMap<>();

		@Override
		public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
				ModelAndView modelAndView) throws Exception {
			if (modelAndView == null || request.getParameter(PARAM) == null) {
				return;
			}
			for (Object value : modelAndView.getModel().values()) {
				if (value instanceof Page<?> page) {
					PastTheEnd.check(page, PARAM, null, null);
				}
				else if (value instanceof Record record) {
					for (RecordComponent component : this.pagesOf.computeIfAbsent(record.getClass(),
							ListsChecked::pagesIn)) {
						if (component.getAccessor().invoke(record) instanceof Page<?> page) {
							PastTheEnd.check(page, PARAM, null, null);
						}
					}
				}
			}
		}

		private static List<RecordComponent> pagesIn(Class<?> type) {
			List<RecordComponent> pages = new ArrayList<>();
			for (RecordComponent component : type.getRecordComponents()) {
				if (Page.class.isAssignableFrom(component.getType())) {
					component.getAccessor().setAccessible(true);
					pages.add(component);
				}
			}
			return pages;
		}

	}

}
