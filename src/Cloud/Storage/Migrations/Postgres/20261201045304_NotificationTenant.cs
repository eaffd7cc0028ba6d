using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AfterSales.Cloud.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class NotificationTenant : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_NotificationRoutes_Recipient",
                table: "NotificationRoutes");

            migrationBuilder.AddColumn<string>(
                name: "TenantId",
                table: "Notifications",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "default");

            migrationBuilder.AddColumn<string>(
                name: "TenantId",
                table: "NotificationRoutes",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "default");

            // Messages written before: the company of their ticket's site; the rest stay with the default company.
            migrationBuilder.Sql("""
                UPDATE "Notifications" SET "TenantId" = COALESCE((SELECT s."TenantId" FROM "Tickets" t JOIN "Sites" s ON s."Id" = t."SiteId" WHERE t."Id" = "Notifications"."TicketId"), 'default')
                WHERE "TicketId" IS NOT NULL
                """);

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_TenantId_Id",
                table: "Notifications",
                columns: new[] { "TenantId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_NotificationRoutes_TenantId_Recipient",
                table: "NotificationRoutes",
                columns: new[] { "TenantId", "Recipient" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Notifications_TenantId_Id",
                table: "Notifications");

            migrationBuilder.DropIndex(
                name: "IX_NotificationRoutes_TenantId_Recipient",
                table: "NotificationRoutes");

            migrationBuilder.DropColumn(
                name: "TenantId",
                table: "Notifications");

            migrationBuilder.DropColumn(
                name: "TenantId",
                table: "NotificationRoutes");

            migrationBuilder.CreateIndex(
                name: "IX_NotificationRoutes_Recipient",
                table: "NotificationRoutes",
                column: "Recipient");
        }
    }
}
