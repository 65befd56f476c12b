package io.tiktimer.devstack.supervision;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A child for {@link SupervisorTest}: listens on the port it is given, as a server would, until it is killed. While
 * the file named by its second argument exists it exits at once with code 3, like a server that cannot start.
 */
public final class ListeningProbe {

    static final int REFUSED = 3;

    private ListeningProbe() {
    }

    public static void main(String[] args) throws IOException {
        if (Files.exists(Path.of(args[1]))) {
            System.exit(REFUSED);
        }
        try (ServerSocket socket = new ServerSocket(Integer.parseInt(args[0]), 50,
                InetAddress.getByName("127.0.0.1"))) {
            while (true) {
                socket.accept().close();
            }
        }
    }
}
