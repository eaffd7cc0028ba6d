namespace AfterSales.Cloud.Provisioning;

internal static class ProvisioningApi
{
    public static IServiceCollection AddProvisioning(this IServiceCollection services)
    {
        services.AddSingleton<ConfigSigningKeyStore>();
        services.AddHostedService<SiteConfigPublishWorker>();
        return services;
    }

    /// <summary>The public half of the config signing key, for installers to give their gateways; public by nature.</summary>
    public static IEndpointRouteBuilder MapProvisioning(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/config-signing-key", (ConfigSigningKeyStore key) => Results.Text(key.PublicKeyPem, "application/x-pem-file"))
            .AllowAnonymous();
        return app;
    }
}
