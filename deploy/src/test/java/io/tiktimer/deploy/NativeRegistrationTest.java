package io.tiktimer.deploy;

import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationValue;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.Index;
import org.jboss.jandex.Indexer;
import org.jboss.jandex.Type;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A native image only reflects on what was registered at build time; Jackson reads and writes our records by
 * reflection. Every event record of {@code contracts} (registered once in service-kit, which every service depends
 * on) and every DTO record a service sends or receives (packages {@code rest}, {@code client}, {@code messaging},
 * {@code mapping}, registered in that service) must therefore be named by a {@code @RegisterForReflection}, or a
 * native build would fail at run time on the first message.
 * The classes are read from the compiled output with Jandex, so the check runs on a JVM.
 */
class NativeRegistrationTest {

    private static final DotName REGISTER_FOR_REFLECTION =
            DotName.createSimple("io.quarkus.runtime.annotations.RegisterForReflection");
    private static final List<String> DTO_PACKAGES = List.of("rest", "client", "messaging", "mapping");

    static Stream<String> services() {
        return Descriptors.QUARKUS_SERVICES.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void everyEventRecordAndDtoIsRegisteredForReflection(String service) {
        Index contracts = index(Descriptors.repoRoot().resolve("contracts/target/classes"));
        Index own = index(Descriptors.repoRoot().resolve(service).resolve("target/classes"));

        Set<String> needed = new TreeSet<>();
        for (ClassInfo type : contracts.getKnownClasses()) {
            if (type.isRecord() || type.isEnum()) {
                needed.add(type.name().toString());
            }
        }
        for (ClassInfo type : own.getKnownClasses()) {
            if (type.isRecord() && inDtoPackage(type, service)) {
                needed.add(type.name().toString());
            }
        }
        // the contracts are registered once, in service-kit, which every service must therefore depend on
        Index kit = index(Descriptors.repoRoot().resolve("service-kit/target/classes"));
        assertThat(Descriptors.repoRoot().resolve(service).resolve("pom.xml"))
                .content().as(service + " depends on service-kit").contains("<artifactId>service-kit</artifactId>");
        Set<String> registered = registered(own);
        registered.addAll(registered(kit));

        assertThat(needed).as("records %s must carry or be named by @RegisterForReflection", service)
                .isNotEmpty()
                .allSatisfy(name -> assertThat(registered).as("registered in " + service).contains(name));
    }

    private static boolean inDtoPackage(ClassInfo type, String service) {
        String packageName = type.name().packagePrefix();
        return DTO_PACKAGES.stream().anyMatch(dto -> packageName.contains("." + dto));
    }

    private static Set<String> registered(Index index) {
        Set<String> names = new HashSet<>();
        for (AnnotationInstance annotation : index.getAnnotations(REGISTER_FOR_REFLECTION)) {
            AnnotationValue targets = annotation.value("targets");
            AnnotationValue classNames = annotation.value("classNames");
            if (targets == null && classNames == null) {
                names.add(annotation.target().asClass().name().toString());
                continue;
            }
            if (targets != null) {
                for (Type target : targets.asClassArray()) {
                    names.add(target.name().toString());
                }
            }
            if (classNames != null) {
                names.addAll(List.of(classNames.asStringArray()));
            }
        }
        return names;
    }

    private static Index index(Path classes) {
        assertThat(classes).as("compiled classes (the reactor builds services before this module)").isDirectory();
        Indexer indexer = new Indexer();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    indexer.index(in);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return indexer.complete();
    }
}
