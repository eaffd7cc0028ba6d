namespace AfterSales.Cloud.Auth;

/// <summary>
/// Response headers that keep pages from being framed (clickjacking the job buttons), sniffed, or
/// made to run script from elsewhere (docs/security.md, "Browser").
/// </summary>
internal static class SecurityHeaders
{
    /// <summary>Scripts only from this origin (live.js, job.js); inline style attributes are used for progress bars; signatures are data: images.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static void Apply(IHeaderDictionary headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XFrameOptions = "DENY";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "same-origin";
    }
}
