package org.hotdesk.sip.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/** How a test phone's SIP text travels: UDP datagrams, or a TLS connection framed by Content-Length. */
interface PhoneWire extends AutoCloseable {
    String transport();

    int localPort();

    InetAddress localAddress();

    void send(byte[] bytes);

    /** The next message, or null when none arrived within the time. */
    String receive(int timeoutMillis);

    @Override
    void close();

    final class Udp implements PhoneWire {
        private final DatagramSocket socket;
        private final InetSocketAddress server;

        Udp(String ip, InetSocketAddress server) {
            try {
                this.socket = new DatagramSocket(new InetSocketAddress(ip, 0));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            this.server = server;
        }

        public String transport() {
            return "UDP";
        }

        public int localPort() {
            return socket.getLocalPort();
        }

        public InetAddress localAddress() {
            return socket.getLocalAddress();
        }

        public void send(byte[] bytes) {
            try {
                socket.send(new DatagramPacket(bytes, bytes.length, server));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        public String receive(int timeoutMillis) {
            byte[] buffer = new byte[65535];
            try {
                socket.setSoTimeout(Math.max(1, timeoutMillis));
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                socket.receive(packet);
                return new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
            } catch (SocketTimeoutException e) {
                return null;
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        public void close() {
            socket.close();
        }
    }

    /** A plain TCP connection to the server, framed by Content-Length like TLS; the server answers on it. */
    final class Tcp implements PhoneWire {
        private final java.net.Socket socket;
        private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
        private volatile boolean closedByPeer;

        Tcp(String ip, InetSocketAddress server) {
            try {
                socket = new java.net.Socket();
                socket.bind(new InetSocketAddress(ip, 0));
                socket.connect(server, 5000);
            } catch (IOException e) {
                throw new IllegalStateException("TCP connection to " + server + " failed: " + e.getMessage(), e);
            }
            Thread reader = new Thread(() -> {
                try {
                    InputStream in = socket.getInputStream();
                    for (String m = Tls.readMessage(in); m != null; m = Tls.readMessage(in)) received.add(m);
                } catch (IOException e) {
                    // connection reset
                }
                closedByPeer = true;
            }, "tcp-phone-reader");
            reader.setDaemon(true);
            reader.start();
        }

        public String transport() {
            return "TCP";
        }

        /** Whether the server closed (or reset) the connection. */
        public boolean closedByPeer() {
            return closedByPeer;
        }

        public int localPort() {
            return socket.getLocalPort();
        }

        public InetAddress localAddress() {
            return socket.getLocalAddress();
        }

        public synchronized void send(byte[] bytes) {
            try {
                socket.getOutputStream().write(bytes);
                socket.getOutputStream().flush();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        public String receive(int timeoutMillis) {
            try {
                return received.poll(Math.max(1, timeoutMillis), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }

        public void close() {
            try {
                socket.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }

    /**
     * A TLS connection to the server, as a phone keeps one open: the server sends its requests (INVITE,
     * NOTIFY) back over it. Trusts any certificate, like a phone provisioned without a CA: the tests check
     * the server's TLS, not the phone's checks.
     */
    final class Tls implements PhoneWire {
        private final SSLSocket socket;
        private final BlockingQueue<String> received = new LinkedBlockingQueue<>();

        Tls(String ip, InetSocketAddress server, String... protocols) {
            try {
                SSLContext context = SSLContext.getInstance("TLS");
                context.init(null, new TrustManager[] {new TrustAll()}, null);
                socket = (SSLSocket) context.getSocketFactory().createSocket();
                socket.bind(new InetSocketAddress(ip, 0));
                socket.connect(server, 5000);
                if (protocols.length > 0) socket.setEnabledProtocols(protocols);
                socket.startHandshake();
            } catch (Exception e) {
                throw new IllegalStateException("TLS connection to " + server + " failed: " + e.getMessage(), e);
            }
            Thread reader = new Thread(this::read, "tls-phone-reader");
            reader.setDaemon(true);
            reader.start();
        }

        public String negotiatedProtocol() {
            return socket.getSession().getProtocol();
        }

        private void read() {
            try {
                InputStream in = socket.getInputStream();
                while (true) {
                    String message = readMessage(in);
                    if (message == null) return;
                    received.add(message);
                }
            } catch (IOException e) {
                // connection closed
            }
        }

        static String readMessage(InputStream in) throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            int matched = 0;
            while (matched < 4) {
                int b = in.read();
                if (b < 0) return null;
                if (head.size() == 0 && (b == '\r' || b == '\n')) continue; // keep-alive CRLFs
                head.write(b);
                matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3))
                        ? matched + 1 : 0;
            }
            String headers = head.toString(StandardCharsets.UTF_8);
            int length = 0;
            for (String line : headers.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    String name = line.substring(0, colon).trim();
                    if (name.equalsIgnoreCase("Content-Length") || name.equals("l")) {
                        length = Integer.parseInt(line.substring(colon + 1).trim());
                    }
                }
            }
            byte[] body = in.readNBytes(length);
            return headers + new String(body, StandardCharsets.UTF_8);
        }

        public String transport() {
            return "TLS";
        }

        public int localPort() {
            return socket.getLocalPort();
        }

        public InetAddress localAddress() {
            return socket.getLocalAddress();
        }

        public synchronized void send(byte[] bytes) {
            try {
                socket.getOutputStream().write(bytes);
                socket.getOutputStream().flush();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        public String receive(int timeoutMillis) {
            try {
                return received.poll(Math.max(1, timeoutMillis), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }

        public void close() {
            try {
                socket.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }

    final class TrustAll implements X509TrustManager {
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
