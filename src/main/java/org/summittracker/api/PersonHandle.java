package org.summittracker.api;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;

/**
 * A person named in a JSON body, read as the API writes people ({@code {"handle":
 * "ojeda", "name": …}}) or as a plain handle ({@code "ojeda"}): what a client read, it
 * can send back. Anything else is the field's problem.
 */
class PersonHandle extends ValueDeserializer<String> {

	@Override
	public String deserialize(JsonParser parser, DeserializationContext context) {
		if (parser.currentToken() == JsonToken.VALUE_STRING) {
			return parser.getString();
		}
		if (parser.currentToken() == JsonToken.START_OBJECT) {
			JsonNode person = context.readTree(parser);
			JsonNode handle = person.get("handle");
			if (handle == null || handle.isNull()) {
				return null;
			}
			if (handle.isString()) {
				return handle.asString();
			}
		}
		return context.reportInputMismatch(PersonHandle.class, "a handle, or a person with its handle");
	}

}
