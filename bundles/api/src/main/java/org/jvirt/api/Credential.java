package org.jvirt.api;

/**
 * One thing an authentication callback is asked for (virConnectCredential). The callback sets
 * {@link #setResult(String)}.
 */
public final class Credential {
    private final CredentialType type;
    private final String prompt;
    private final String challenge;
    private final String defaultResult;
    private volatile String result;

    public Credential(CredentialType type, String prompt, String challenge, String defaultResult) {
        this.type = type;
        this.prompt = prompt;
        this.challenge = challenge;
        this.defaultResult = defaultResult;
    }

    public CredentialType type() {
        return type;
    }

    public String prompt() {
        return prompt;
    }

    public String challenge() {
        return challenge;
    }

    public String defaultResult() {
        return defaultResult;
    }

    public String result() {
        return result;
    }

    public void setResult(String result) {
        this.result = result;
    }
}
