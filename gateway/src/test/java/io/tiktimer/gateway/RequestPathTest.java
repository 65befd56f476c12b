package io.tiktimer.gateway;

import io.tiktimer.gateway.proxy.RequestPath;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class RequestPathTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "/                         | /",
            "/posts                    | /posts",
            "/posts/                   | /posts/",
            "/posts/.                  | /posts/",
            "/posts/42/..              | /posts/",
            "/posts/../../..           | /",
            "/a/b/c/./../../g          | /a/g",
            "/mid/content=5/../6       | /mid/6",
            "//posts///42//            | /posts/42/",
            "/%70osts/%2E%2e/q/health  | /q/health",
            "/posts/caf%c3%a9          | /posts/caf%C3%A9",
            "/posts/a%20b              | /posts/a%20b",
            "/users/me@x:1!$&'()*+,=   | /users/me@x:1!$&'()*+,=",
    })
    void normalFormFollowsRfc3986(String raw, String normal) {
        RequestPath.Outcome outcome = RequestPath.normalise(raw);

        assertThat(outcome).isEqualTo(new RequestPath.Normal(normal, raw.equals(normal)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "/posts%2fx       | 404",
            "/posts%2Fx       | 404",
            "/posts/%5c       | 404",
            "/posts\\x        | 404",
            "/posts;a=b       | 404",
            "/posts/%3B       | 404",
            "/posts/%252e     | 404",
            "/posts/%zz       | 400",
            "/posts/%4        | 400",
            "/posts/%         | 400",
            "/posts/%00       | 400",
            "/posts/%7f       | 400",
            "/posts/%c0%af    | 400",
            "/posts/%ed%a0%80 | 400",
            "/posts/é         | 400",
            "/posts/a b       | 400",
            "/posts/<x>       | 400",
            "posts            | 400",
    })
    void ambiguousOrUnreadablePathsHaveNoNormalForm(String raw, int status) {
        RequestPath.Outcome outcome = RequestPath.normalise(raw);

        assertThat(outcome).isInstanceOfSatisfying(RequestPath.Refused.class,
                refused -> assertThat(refused.status()).isEqualTo(status));
    }
}
