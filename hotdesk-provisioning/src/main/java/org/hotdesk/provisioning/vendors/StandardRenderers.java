package org.hotdesk.provisioning.vendors;

import java.util.List;
import org.hotdesk.provisioning.cisco.CiscoMppRenderer;
import org.hotdesk.provisioning.fanvil.FanvilRenderer;
import org.hotdesk.provisioning.grandstream.GrandstreamRenderer;
import org.hotdesk.provisioning.poly.PolyRenderer;
import org.hotdesk.provisioning.render.Renderers;
import org.hotdesk.provisioning.snom.SnomRenderer;
import org.hotdesk.provisioning.yealink.YealinkRenderer;

/** The renderers hotdesk ships, one per supported vendor. */
public final class StandardRenderers {
    private StandardRenderers() {
    }

    public static Renderers all() {
        return new Renderers(List.of(new YealinkRenderer(), new PolyRenderer(), new SnomRenderer(),
                new GrandstreamRenderer(), new CiscoMppRenderer(), new FanvilRenderer()));
    }
}
