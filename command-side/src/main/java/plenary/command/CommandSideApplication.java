package plenary.command;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

@SpringBootApplication
public class CommandSideApplication {

    /** Its own config name, so that local mode can run both sides in one JVM without their settings mixing. */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(CommandSideApplication.class)
                .properties("spring.config.name=plenary-command");
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
