using AfterSales.Cloud.Auth;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Cloud.Parts;

internal static class PartsApi
{
    public static IServiceCollection AddParts(this IServiceCollection services) => services.AddSingleton<PartsStore>();

    public static IEndpointRouteBuilder MapParts(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/parts").RequireAuthorization(AccessPolicies.Field);
        api.MapPost("/moves", async (PartMove move, PartsStore store, CancellationToken ct) =>
            await store.RecordAsync(move, ct) is { } problem ? Results.Problem(problem, statusCode: 409) : Results.Ok(move));
        api.MapGet("/stock", async (PartsStore store, CancellationToken ct) =>
        {
            var ledger = await store.LedgerAsync(ct);
            return new
            {
                Balanced = ledger.IsBalanced(out _),
                Stock = ledger.Balances().Where(b => StockPlaces.IsStock(b.Key.Place) || StockPlaces.IsReturns(b.Key.Place))
                    .Select(b => new { b.Key.Place, b.Key.Part, Quantity = b.Value }).OrderBy(b => b.Place).ThenBy(b => b.Part),
                OldPartsOwed = ledger.OutstandingReturns().Select(o => new { o.TicketId, o.Part, o.Owed }),
            };
        });
        return app;
    }
}

internal sealed class PartMoveConfiguration : IEntityTypeConfiguration<PartMove>
{
    public void Configure(EntityTypeBuilder<PartMove> e)
    {
        e.ToTable("PartMoves");
        e.Property(m => m.Kind).HasConversion<string>().HasMaxLength(16);
        e.Property(m => m.PartNumber).HasMaxLength(64);
        e.Property(m => m.From).HasMaxLength(96);
        e.Property(m => m.To).HasMaxLength(96);
        e.Property(m => m.By).HasMaxLength(64);
        e.Property(m => m.Reason).HasMaxLength(400);
        e.HasIndex(m => m.PartNumber);
        e.HasIndex(m => m.TicketId);
    }
}
