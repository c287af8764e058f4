package org.hotdesk.web.api.users;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import org.hotdesk.core.HotdeskCore;
import org.hotdesk.core.access.Principal;
import org.hotdesk.core.error.InvalidInputException;
import org.hotdesk.core.user.FunctionKey;
import org.hotdesk.web.api.ApiResource;
import org.hotdesk.web.api.ApiRoutes;
import org.hotdesk.web.api.PathIds;
import org.hotdesk.web.auth.Access;

/** A person's programmable keys (BLF, speed dial), which follow them to whatever desk they log in at. */
public final class UserKeysApi implements ApiResource {
    private final HotdeskCore core;

    public UserKeysApi(HotdeskCore core) {
        this.core = core;
    }

    /**
     * @param type  {@code blf} (watches an extension and dials it) or {@code speed-dial}
     * @param label the text next to the key; the value when none is given
     */
    public record FunctionKeyView(String type, String value, String label) {
        static FunctionKeyView of(FunctionKey k) {
            return new FunctionKeyView(k.type().id(), k.value(), k.label());
        }
    }

    /** The keys in order: the first one comes right after the desk's logout key. Reading and replacing take the same shape. */
    public record FunctionKeysView(List<FunctionKeyView> keys) {
        static FunctionKeysView of(List<FunctionKey> keys) {
            return new FunctionKeysView(keys.stream().map(FunctionKeyView::of).toList());
        }
    }

    @Override
    public void register(ApiRoutes api) {
        api.get("/tenants/{t}/users/{u}/keys").tag("users").summary("The user's programmable keys")
                .access("admins of the tenant, or the employee themselves").returns(FunctionKeysView.class)
                .errors(401, 403, 404).handle(ctx -> {
                    long t = PathIds.tenant(ctx);
                    long u = UsersApi.user(ctx);
                    Access.self(ctx, t, u);
                    ctx.json(FunctionKeysView.of(core.users().keys(t, u)));
                });
        api.put("/tenants/{t}/users/{u}/keys").tag("users").summary("Replace the user's programmable keys")
                .access("admins of the tenant").body(FunctionKeysView.class).returns(FunctionKeysView.class)
                .errors(400, 401, 403, 404, 422).handle(this::replace);
    }

    private void replace(Context ctx) {
        long t = PathIds.tenant(ctx);
        long u = UsersApi.user(ctx);
        Principal p = Access.admin(ctx, t);
        FunctionKeysView body = ctx.bodyAsClass(FunctionKeysView.class);
        if (body.keys() == null) {
            throw new InvalidInputException("keys", "is required (an empty list removes every key)");
        }
        List<FunctionKey> keys = new ArrayList<>();
        for (int i = 0; i < body.keys().size(); i++) {
            FunctionKeyView k = body.keys().get(i);
            if (k == null) {
                throw new InvalidInputException("keys[" + i + "]", "is empty");
            }
            try {
                keys.add(new FunctionKey(FunctionKey.Type.parse(k.type()), k.value(), k.label()));
            } catch (InvalidInputException e) {
                // name the key: "keys[3].value" tells which row of a long list is wrong
                throw new InvalidInputException(e.field().replaceFirst("^keys", "keys[" + i + "]"),
                        e.getMessage().substring(e.field().length() + 2));
            }
        }
        ctx.json(FunctionKeysView.of(core.users().setKeys(t, u, keys, p.actor())));
    }
}
