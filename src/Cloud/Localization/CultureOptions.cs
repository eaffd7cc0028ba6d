namespace AfterSales.Cloud.Localization;

/// <summary>The language used where nobody chose one: pages before sign-in, PDFs, mail and notifications.</summary>
public sealed class CultureOptions
{
    public const string Section = "Localization";

    /// <summary><c>zh-CN</c> (the default) or <c>en</c>.</summary>
    public string DefaultCulture { get; set; } = Cultures.Chinese;

    /// <summary>A service company (tenant id) whose people and customers read another language than <see cref="DefaultCulture"/>.</summary>
    public Dictionary<string, string> Tenants { get; set; } = [];
}
