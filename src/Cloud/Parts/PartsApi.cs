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
        api.MapPost("/moves", async (PartMoveRequest request, HttpContext http, PartsStore store, CancellationToken ct) =>
        {
            var user = DeskUser.From(http.User);
            var move = request.ToMove();
            if (PartsMovePolicy.WhyNot(user, move) is { } refused)
            {
                return Results.Problem(refused, statusCode: 403);
            }

            try
            {
                return await store.RecordAsync(user.TenantId, user.Name, move, ct) is { } problem ? Results.Problem(problem, statusCode: 409) : Results.Ok(move);
            }
            catch (KeyNotFoundException ex)
            {
                return Results.Problem(ex.Message, statusCode: 404);
            }
        });
        api.MapGet("/stock", async (HttpContext http, PartsStore store, CancellationToken ct) =>
        {
            var ledger = await store.LedgerAsync(DeskUser.From(http.User).TenantId, ct);
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
        e.Property(m => m.TenantId).HasMaxLength(64);
        e.HasIndex(m => new { m.TenantId, m.PartNumber });
        e.HasIndex(m => m.TicketId);
    }
}
