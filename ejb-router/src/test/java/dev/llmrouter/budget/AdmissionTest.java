package dev.llmrouter.budget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.llmrouter.chat.ChatMessage;
import dev.llmrouter.chat.ChatRequest;
import org.junit.jupiter.api.Test;

class AdmissionTest {

    private final ChatRequest request = ChatRequest.builder().model("sim-cloud").message(ChatMessage.user("hi")).build();

    @Test
    void aReservationBindsMaxTokensAndCapsTheCharge() {
        Admission admission = new Admission(7, 500, 64);

        assertEquals(64, admission.bound(request).maxTokens());
        assertEquals(500, admission.charge(900), "never more than reserved");
        assertEquals(120, admission.charge(120));
    }

    @Test
    void withoutAReservationNothingIsBoundOrCapped() {
        assertSame(request, Admission.UNRESERVED.bound(request));
        assertNull(Admission.UNRESERVED.bound(request).maxTokens());
        assertEquals(900, Admission.UNRESERVED.charge(900));
    }
}
