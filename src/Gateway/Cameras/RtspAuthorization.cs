using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace AfterSales.Gateway.Cameras;

/// <summary>
/// Answers an RTSP server's <c>WWW-Authenticate</c> challenge (RFC 2617, as RTSP 1.0 servers implement it):
/// Digest with MD5, with or without <c>qop=auth</c>, preferred over Basic. Pure apart from the client nonce.
/// </summary>
internal static class RtspAuthorization
{
    /// <summary>The <c>Authorization</c> header value for the strongest scheme offered, or null when none is supported.</summary>
    public static string? Answer(IEnumerable<string> challenges, string method, string uri, string username, string password)
    {
        var offered = challenges.ToList();
        var digest = offered.FirstOrDefault(c => c.StartsWith("Digest ", StringComparison.OrdinalIgnoreCase));
        if (digest is not null)
        {
            var p = Parameters(digest["Digest ".Length..]);
            if (!p.TryGetValue("realm", out var realm) || !p.TryGetValue("nonce", out var nonce)
                || (p.TryGetValue("algorithm", out var algorithm) && !algorithm.Equals("MD5", StringComparison.OrdinalIgnoreCase)))
            {
                return null;
            }

            var qop = p.TryGetValue("qop", out var q) && q.Split(',').Any(x => x.Trim() == "auth") ? "auth" : null;
            var cnonce = qop is null ? null : Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
            var response = DigestResponse(username, realm, password, method, uri, nonce, qop, "00000001", cnonce);
            var header = new StringBuilder().Append(CultureInfo.InvariantCulture, $"Digest username=\"{username}\", realm=\"{realm}\", nonce=\"{nonce}\", uri=\"{uri}\", response=\"{response}\"");
            if (qop is not null)
            {
                header.Append(CultureInfo.InvariantCulture, $", qop=auth, nc=00000001, cnonce=\"{cnonce}\"");
            }

            if (p.TryGetValue("opaque", out var opaque))
            {
                header.Append(CultureInfo.InvariantCulture, $", opaque=\"{opaque}\"");
            }

            return header.ToString();
        }

        return offered.Any(c => c.StartsWith("Basic", StringComparison.OrdinalIgnoreCase))
            ? "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{username}:{password}"))
            : null;
    }

    /// <summary>RFC 2617 §3.2.2.1: MD5(HA1:nonce[:nc:cnonce:qop]:HA2), HA1 = MD5(user:realm:password), HA2 = MD5(method:uri).</summary>
    public static string DigestResponse(string username, string realm, string password, string method, string uri, string nonce, string? qop, string nc, string? cnonce)
    {
        var ha1 = Md5Hex($"{username}:{realm}:{password}");
        var ha2 = Md5Hex($"{method}:{uri}");
        return qop is null ? Md5Hex($"{ha1}:{nonce}:{ha2}") : Md5Hex($"{ha1}:{nonce}:{nc}:{cnonce}:{qop}:{ha2}");
    }

    /// <summary>Splits <c>realm="x", nonce="y", qop="auth,auth-int"</c>, honouring commas inside quotes.</summary>
    public static Dictionary<string, string> Parameters(string text)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && (text[i] == ',' || char.IsWhiteSpace(text[i])))
            {
                i++;
            }

            var eq = text.IndexOf('=', i);
            if (eq < 0)
            {
                break;
            }

            var name = text[i..eq].Trim();
            i = eq + 1;
            string value;
            if (i < text.Length && text[i] == '"')
            {
                var close = text.IndexOf('"', i + 1);
                close = close < 0 ? text.Length : close;
                value = text[(i + 1)..close];
                i = close + 1;
            }
            else
            {
                var comma = text.IndexOf(',', i);
                comma = comma < 0 ? text.Length : comma;
                value = text[i..comma].Trim();
                i = comma;
            }

            result[name] = value;
        }

        return result;
    }

#pragma warning disable CA5351 // RTSP Digest authentication is defined on MD5; the camera decides, not us.
    private static string Md5Hex(string text) => Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(text)));
#pragma warning restore CA5351
}
