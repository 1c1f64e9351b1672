package dev.llmrouter.route;

import jakarta.ejb.ApplicationException;

@ApplicationException
public class ModelNotFoundException extends RouterException {

    public ModelNotFoundException(String model) {
        super("model_not_found", "The model '" + model + "' does not exist. GET /v1/models lists the routable models.");
    }
}
