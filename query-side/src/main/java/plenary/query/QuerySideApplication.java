package plenary.query;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

@SpringBootApplication
public class QuerySideApplication {

    /** Its own config name, so that local mode can run both sides in one JVM without their settings mixing. */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(QuerySideApplication.class)
                .properties("spring.config.name=plenary-query");
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
