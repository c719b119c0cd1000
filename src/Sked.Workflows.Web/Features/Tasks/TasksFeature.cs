using Sked.Workflows.Web.Http;

namespace Sked.Workflows.Web.Features.Tasks;

/// <summary>The tasks feature's use cases, for the API endpoints and the staff pages alike.</summary>
public static class TasksFeature
{
    public static IServiceCollection AddTasks(this IServiceCollection services)
    {
        services.AddSingleton<ListTasks.Handler>();
        services.AddSingleton<ClaimTask.Handler>();
        services.AddSingleton<ReleaseTask.Handler>();
        services.AddSingleton<CompleteTask.Handler>();
        services.AddScoped<AssignTask.Handler>();
        services.AddScoped<TaskDetailsQuery>();
        services.AddSingleton<OutcomeLabels>();
        return services;
    }

    /// <summary>GET /tasks, and POST /tasks/{id}/claim, /release, /complete, /assign (staff; 403 when the role or department does not fit, 409 when the task moved on).</summary>
    public static RouteGroupBuilder MapTasks(this RouteGroupBuilder api)
    {
        api.MapListTasks();
        var task = api.MapGroup("/tasks/{id:guid}").RequireAuthorization(Policies.Staff).WithTags("Tasks");
        task.MapClaimTask().MapReleaseTask().MapCompleteTask().MapAssignTask();
        return api;
    }
}
