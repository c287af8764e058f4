package org.hotdesk.web.openapi;

import java.util.List;

/**
 * What the OpenAPI document says about one route; recorded when the route is registered, so the
 * document cannot drift from the code.
 *
 * @param body         the JSON request body's record type, or null
 * @param response     the answer's record type, or null for no body
 * @param list         the answer is a JSON array of {@code response}
 * @param mediaType    what the body and answer are ({@code application/json}, {@code text/csv})
 * @param authenticated needs a bearer token
 */
public record ApiOperation(String method, String path, String tag, String summary, String access, Class<?> body,
                           Class<?> response, boolean list, String mediaType, int status, List<Integer> errors,
                           List<QueryParameter> query, boolean authenticated) {
    public record QueryParameter(String name, String type, String description) {
    }
}
