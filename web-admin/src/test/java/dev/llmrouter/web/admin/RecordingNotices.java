package dev.llmrouter.web.admin;

import jakarta.faces.application.FacesMessage;
import java.util.ArrayList;
import java.util.List;

/** Notices without Faces: remembers what the page would have shown. */
public class RecordingNotices extends Notices {

    public final List<String> shown = new ArrayList<>();

    @Override
    protected void add(FacesMessage.Severity severity, String summary, String detail) {
        shown.add(summary + ": " + detail);
    }
}
