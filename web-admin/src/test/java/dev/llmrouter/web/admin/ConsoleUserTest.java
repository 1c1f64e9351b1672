package dev.llmrouter.web.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ConsoleUserTest {

    @Test
    void anAdminMayChange() {
        RecordingNotices notices = new RecordingNotices();
        ConsoleUser admin = FakeSecurityContext.user(notices, "alice", ConsoleUser.ADMIN);

        assertTrue(admin.mayChange());
        assertEquals("router-admin", admin.getRoleLabel());
        assertTrue(notices.shown.isEmpty());
    }

    @Test
    void aViewerIsToldWhyNothingHappened() {
        RecordingNotices notices = new RecordingNotices();
        ConsoleUser viewer = FakeSecurityContext.user(notices, "bob", ConsoleUser.VIEWER);

        assertFalse(viewer.mayChange());
        assertEquals("router-viewer", viewer.getRoleLabel());
        assertTrue(notices.shown.get(0).contains("router-viewer"), notices.shown.toString());
    }
}
