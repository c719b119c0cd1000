namespace Sked.Workflows.Web.Http;

/// <summary>
/// Endpoint metadata for an API whose errors follow another standard than ProblemDetails (Open311's
/// error array), so shared middleware such as the rate limiter answers those clients in their shape.
/// </summary>
public interface IErrorResponseFormat
{
    IResult Create(int statusCode, string description);
}
