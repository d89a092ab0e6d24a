package io.slotpoll.db;

/**
 * Where the database login comes from. {@link #refresh} is called when the database
 * refused a login, so a rotated secret is picked up without a restart.
 */
public interface CredentialSource {

    /** A user and password; the password never appears in {@link #toString()}. */
    record Login(String user, String password) {
        @Override
        public String toString() {
            return "Login[user=" + user + ", password=****]";
        }
    }

    Login current();

    /**
     * The login to use after the database refused {@code rejected}: a fresh one if the
     * source can fetch it, else {@code rejected} again. Concurrent callers that were
     * refused the same login trigger one fetch.
     */
    Login refresh(Login rejected);

    /** Credentials that never change (DB_USER, DB_PASSWORD). */
    static CredentialSource fixed(String user, String password) {
        Login login = new Login(user, password);
        return new CredentialSource() {
            @Override
            public Login current() {
                return login;
            }

            @Override
            public Login refresh(Login rejected) {
                return login;
            }
        };
    }
}
