package io.tiktimer.tiktok.service;

import io.tiktimer.tiktok.config.TikTokConfig;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * AES-256-GCM for TikTok tokens at rest, with the JDK's own provider (javax.crypto is the maintained, audited
 * implementation; a wrapper library would add nothing here). A ciphertext carries the id of the key that sealed it:
 * {@code 0x01 | len(kid) | kid | 12-byte nonce | ciphertext+tag}. Decryption picks the key by that id, so keys can
 * rotate: add the new key, make it active, and every row is re-sealed with it on its next write (at the latest the
 * next token refresh, i.e. within a day).
 * The associated data binds a ciphertext to its account and purpose, so a ciphertext copied into another row or
 * column does not decrypt.
 */
@Singleton
public class TokenCipher {

    private static final byte FORMAT_VERSION = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final Map<String, SecretKey> keys;
    private final String activeKeyId;
    private final SecureRandom random = new SecureRandom();

    @Inject
    public TokenCipher(TikTokConfig config) {
        this(config.token().keys(), config.token().activeKeyId());
    }

    public TokenCipher(String keySpec, String activeKeyId) {
        this.keys = parse(keySpec);
        if (!keys.containsKey(activeKeyId)) {
            throw new IllegalStateException("tiktok.token.active-key-id names no key in tiktok.token.keys");
        }
        this.activeKeyId = activeKeyId;
    }

    public String activeKeyId() {
        return activeKeyId;
    }

    public byte[] encrypt(String plaintext, String associatedData) {
        byte[] kid = activeKeyId.getBytes(StandardCharsets.UTF_8);
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(activeKeyId), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(2 + kid.length + NONCE_BYTES + sealed.length)
                    .put(FORMAT_VERSION).put((byte) kid.length).put(kid).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    public String decrypt(byte[] ciphertext, String associatedData) {
        ByteBuffer in = ByteBuffer.wrap(ciphertext);
        if (in.get() != FORMAT_VERSION) {
            throw new IllegalStateException("Unknown token ciphertext format");
        }
        byte[] kid = new byte[in.get()];
        in.get(kid);
        String keyId = new String(kid, StandardCharsets.UTF_8);
        SecretKey key = keys.get(keyId);
        if (key == null) {
            throw new IllegalStateException("Token sealed with key id '" + keyId + "', which is not configured");
        }
        byte[] nonce = new byte[NONCE_BYTES];
        in.get(nonce);
        byte[] sealed = new byte[in.remaining()];
        in.get(sealed);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(sealed), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Token ciphertext failed authentication", e);
        }
    }

    /** The key id recorded in a ciphertext, without decrypting it. */
    public static String keyIdOf(byte[] ciphertext) {
        int length = ciphertext[1];
        return new String(ciphertext, 2, length, StandardCharsets.UTF_8);
    }

    private static Map<String, SecretKey> parse(String spec) {
        Map<String, SecretKey> parsed = new LinkedHashMap<>();
        for (String entry : spec.split(",")) {
            String trimmed = entry.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            int colon = trimmed.indexOf(':');
            if (colon <= 0) {
                throw new IllegalStateException("tiktok.token.keys entries must look like kid:base64key");
            }
            String id = trimmed.substring(0, colon);
            byte[] material;
            try {
                material = Base64.getDecoder().decode(trimmed.substring(colon + 1));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("tiktok.token.keys: key '" + id + "' is not valid base64");
            }
            if (material.length != 16 && material.length != 24 && material.length != 32) {
                throw new IllegalStateException("tiktok.token.keys: key '" + id + "' must be 16, 24 or 32 bytes");
            }
            if (id.getBytes(StandardCharsets.UTF_8).length > 64) {
                throw new IllegalStateException("tiktok.token.keys: key id '" + id + "' is longer than 64 bytes");
            }
            parsed.put(id, new SecretKeySpec(material, "AES"));
        }
        if (parsed.isEmpty()) {
            throw new IllegalStateException("tiktok.token.keys is empty");
        }
        return Map.copyOf(parsed);
    }
}
