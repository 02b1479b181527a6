package org.summittracker.shared;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.dialect.AbstractProcessorDialect;
import org.thymeleaf.engine.AttributeName;
import org.thymeleaf.exceptions.TemplateProcessingException;
import org.thymeleaf.inline.NoOpInliner;
import org.thymeleaf.model.IModel;
import org.thymeleaf.model.IProcessableElementTag;
import org.thymeleaf.processor.IProcessor;
import org.thymeleaf.processor.element.AbstractAttributeModelProcessor;
import org.thymeleaf.processor.element.AbstractElementTagProcessor;
import org.thymeleaf.processor.element.IElementModelStructureHandler;
import org.thymeleaf.processor.element.IElementTagStructureHandler;
import org.thymeleaf.templatemode.TemplateMode;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Parts of a page kept by what they show: {@code <th:block st:kept="name">} around a
 * section of a template. For a reader whose page may be kept ({@link KeptRenderings}),
 * the section's text is kept under the values of the variables it read; when the page is
 * rendered again (after a write, for another address) and those variables hold the same
 * values, the text kept is written instead of rendering the section. After a write to one
 * section's data, only that section is rendered again.
 * <p>
 * The attribute stands alone on a {@code th:block}; its value names the part for the
 * reader of the template. Parts may hold parts. Parts are kept for anonymous readers
 * only, so what a part asks of the reader ({@code @actors.current()}) is the same for
 * every rendering that finds it kept; the other beans parts ask ({@code @dates},
 * {@code @staticFiles}) answer from their arguments and from what does not change while
 * the application runs.
 */
@Component
public class KeptParts extends AbstractProcessorDialect {

	static final String PREFIX = "st";

	/**
	 * Before any other processor of the element: a model processor must see it as
	 * written.
	 */
	private static final int PRECEDENCE = 10;

	private static final String END = "kept-end";

	/** The names each part read when it was last rendered, by part. */
	private final Map<String, Set<String>> learned = new ConcurrentHashMap<>();

	/** Whether parts are kept at all ({@code summit.pages.parts.enabled}). */
	private final boolean keeping;

	KeptParts(@Value("${summit.pages.parts.enabled:true}") boolean keeping) {
		super("Kept parts", PREFIX, PRECEDENCE);
		this.keeping = keeping;
	}

	boolean keeping() {
		return this.keeping;
	}

	Map<String, Set<String>> learned() {
		return this.learned;
	}

	@Override
	public Set<IProcessor> getProcessors(String prefix) {
		return Set.of(new Start(prefix), new End(prefix));
	}

	/**
	 * Where a part starts: writes the part as kept, if it is, or has it rendered with its
	 * end marked.
	 */
	static final class Start extends AbstractAttributeModelProcessor {

		private final String prefix;

		Start(String prefix) {
			super(TemplateMode.HTML, prefix, null, false, "kept", true, PRECEDENCE, true);
			this.prefix = prefix;
		}

		@Override
		protected void doProcess(ITemplateContext context, IModel model, AttributeName attributeName,
				String attributeValue, IElementModelStructureHandler structureHandler) {
			IProcessableElementTag tag = (IProcessableElementTag) model.get(0);
			if (!"th:block".equals(tag.getElementCompleteName()) || tag.getAllAttributes().length != 1) {
				throw new TemplateProcessingException(
						this.prefix + ":kept stands alone on a th:block: " + tag.getElementCompleteName(),
						tag.getTemplateName(), tag.getLine(), tag.getCol());
			}
			PageParts parts = PageParts.of(context);
			if (parts == null || context.hasSelectionTarget()) {
				return;
			}
			String part = tag.getTemplateName() + ':' + tag.getLine() + ':' + tag.getCol() + ' ' + attributeValue;
			String text = parts.find(part, context.getLocale());
			if (text != null) {
				model.reset();
				model.add(context.getModelFactory().createText(text));
				structureHandler.setInliner(NoOpInliner.INSTANCE);
				return;
			}
			parts.start(part);
			model.insert(model.size() - 1,
					context.getModelFactory().createStandaloneElementTag(this.prefix + ':' + END));
		}

	}

	/** Where a part ends: keeps what it wrote. */
	static final class End extends AbstractElementTagProcessor {

		End(String prefix) {
			super(TemplateMode.HTML, prefix, END, true, null, false, PRECEDENCE);
		}

		@Override
		protected void doProcess(ITemplateContext context, IProcessableElementTag tag,
				IElementTagStructureHandler structureHandler) {
			PageParts parts = PageParts.of(context);
			if (parts != null) {
				parts.end(context.getLocale());
			}
			structureHandler.removeElement();
		}

	}

}
