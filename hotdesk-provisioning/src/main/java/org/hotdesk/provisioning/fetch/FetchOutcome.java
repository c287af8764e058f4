package org.hotdesk.provisioning.fetch;

/** What the provisioning endpoint answers. None of the refusals says which check failed, or names an account. */
public sealed interface FetchOutcome {
    /**
     * 200 with the rendered file.
     *
     * @param contentType the file's media type
     * @param body        the file's text in UTF-8, encoded once when rendered rather than at every fetch (read-only)
     */
    record Served(String contentType, byte[] body) implements FetchOutcome {
    }

    /** 404: no such file, no such MAC, or a token that is not this MAC's tenant's. */
    record NotFound() implements FetchOutcome {
    }

    /** 401: digest access and no (valid) credentials; the endpoint challenges. */
    record Unauthorized() implements FetchOutcome {
    }

    /** 403: the device's provision counter reached the tenant's limit; an admin must reset it. */
    record LimitReached() implements FetchOutcome {
    }
}
