"""allauth's account adapter, with lockouts that nobody can aim at someone else.

allauth counts failed logins per account ("key") across every address, so anyone
who knows an e-mail address could keep its owner out by failing on purpose. Here
the account counter is per account *and* client address: failures slow down the
address that failed, and the right password from an address that has not been
failing still signs in. Addresses come from the trusted proxy count (settings:
TRUSTED_PROXY_COUNT), the same for allauth, DRF's throttles and the admin login.
"""

from allauth.account.adapter import DefaultAccountAdapter


class AccountAdapter(DefaultAccountAdapter):
    def _get_login_attempts_cache_key(self, request, **credentials) -> str:
        per_account = super()._get_login_attempts_cache_key(request, **credentials)
        return f"{per_account}:{self.get_client_ip(request)}"
