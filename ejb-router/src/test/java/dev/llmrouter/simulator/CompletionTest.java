package dev.llmrouter.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class CompletionTest {

    private static final SimulatorProfile PROFILE = new SimulatorProfile(0, 1000, 20);

    @Test
    void estimatesPromptTokensFromCharactersAndMessages() throws IOException {
        JsonNode messages = UpstreamClient.parse("[{\"role\":\"system\",\"content\":\"12345\"},"
                + "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"abc\"}]},"
                + "{\"role\":\"assistant\",\"content\":null}]");

        Prompt prompt = Prompt.of(messages);

        assertEquals((int) Math.ceil(8 / 4.0) + 3 * 3, prompt.tokens());
        assertEquals("abc", prompt.lastUserMessage());
    }

    @Test
    void answerIsLabelledDeterministicAndOneWordPerToken() throws IOException {
        Prompt prompt = Prompt.of(UpstreamClient.parse(
                "[{\"role\":\"user\",\"content\":\"Why is the sky blue? [[sim tokens=30]]\"}]"));

        Completion first = Completion.plan("m", prompt, Directives.parse(prompt.lastUserMessage()), PROFILE, null);
        Completion second = Completion.plan("m", prompt, Directives.parse(prompt.lastUserMessage()), PROFILE, null);

        assertEquals(first.text(), second.text());
        assertTrue(first.text().startsWith("[simulated m] Here is a simulated answer to: Why is the sky blue? "),
                first.text());
        assertFalse(first.text().contains("[[sim"));
        assertEquals(30, first.completionTokens());
        assertEquals(30, first.text().split(" ").length);
        assertFalse(first.truncated());
    }

    @Test
    void maxTokensBelowTheTargetTruncates() {
        Completion limited = Completion.plan("m", Prompt.EMPTY, Directives.NONE, PROFILE, 4);
        Completion roomy = Completion.plan("m", Prompt.EMPTY, Directives.NONE, PROFILE, 400);

        assertEquals(4, limited.completionTokens());
        assertTrue(limited.truncated());
        assertEquals(20, roomy.completionTokens());
        assertFalse(roomy.truncated());
    }
}
