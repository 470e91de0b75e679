import BackendKit
import Foundation

/// `GET /openapi.json` serves the description of the Tasks API in the OpenAPI 3.1 format. Tools
/// read it to draw documentation pages, to generate client code, and to test the API. It is only
/// useful while it says exactly what the server does.
func registerOpenAPIRoute(on router: Router) throws {
    // Parsed once at startup: a typo in the document stops the server with a clear message,
    // instead of answering broken JSON to every client.
    let document = try OpenAPI.document()
    router.get("/openapi.json") { _ in try .json(document) }
}

enum OpenAPI {
    /// The document as a `JSONValue`; throws when `text` is not valid JSON.
    static func document() throws -> JSONValue {
        let data = Data(text.utf8)
        do {
            _ = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw OpenAPIError(
                reason: (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "\(error)")
        }
        return try JSONValue(parsing: data)
    }

    /// The document itself, as JSON text. (A raw string: quotes need no backslashes.)
    static let text = #"""
        {
          "openapi": "3.1.0",
          "info": {
            "title": "Tasks API",
            "version": "1.0.0",
            "description": "The API of a small team task tracker. Every error is an RFC 9457 problem document (application/problem+json), and every answer has an X-Request-Id header."
          },
          "paths": {
            "/health": {
              "get": {
                "operationId": "getHealth",
                "summary": "Tell whether the server is up",
                "responses": {
                  "200": {
                    "description": "The server is up.",
                    "content": {
                      "application/json": {
                        "schema": {
                          "type": "object",
                          "required": ["status"],
                          "properties": {"status": {"const": "ok"}}
                        }
                      }
                    }
                  }
                }
              }
            },
            "/openapi.json": {
              "get": {
                "operationId": "getOpenAPI",
                "summary": "This document",
                "responses": {
                  "200": {
                    "description": "The OpenAPI description of the Tasks API.",
                    "content": {"application/json": {"schema": {"type": "object"}}}
                  }
                }
              }
            },
            "/tasks": {
              "get": {
                "operationId": "listTasks",
                "summary": "List tasks, one page at a time",
                "parameters": [
                  {
                    "name": "status",
                    "in": "query",
                    "description": "Only tasks with this status.",
                    "schema": {"$ref": "#/components/schemas/Status"}
                  },
                  {
                    "name": "assignee",
                    "in": "query",
                    "description": "Only the tasks of this username.",
                    "schema": {"$ref": "#/components/schemas/Username"}
                  },
                  {
                    "name": "sort",
                    "in": "query",
                    "description": "The field to sort by; a - first means Z to A.",
                    "schema": {
                      "type": "string",
                      "enum": ["id", "-id", "title", "-title", "due", "-due"],
                      "default": "id"
                    }
                  },
                  {
                    "name": "limit",
                    "in": "query",
                    "description": "How many tasks one page holds.",
                    "schema": {"type": "integer", "minimum": 1, "maximum": 100, "default": 20}
                  },
                  {
                    "name": "cursor",
                    "in": "query",
                    "description": "Where the page starts: the token from the previous page's next link.",
                    "schema": {"type": "string"}
                  }
                ],
                "responses": {
                  "200": {
                    "description": "One page of tasks.",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/TaskList"}}}
                  },
                  "400": {"$ref": "#/components/responses/Problem"}
                }
              },
              "post": {
                "operationId": "createTask",
                "summary": "Create a task",
                "parameters": [
                  {
                    "name": "Idempotency-Key",
                    "in": "header",
                    "description": "A new random value per task; a retry with the same key gets the first answer again and creates nothing.",
                    "schema": {"type": "string", "minLength": 1, "maxLength": 255}
                  }
                ],
                "requestBody": {
                  "required": true,
                  "content": {"application/json": {"schema": {"$ref": "#/components/schemas/TaskInput"}}}
                },
                "responses": {
                  "201": {
                    "description": "The task was created.",
                    "headers": {
                      "Location": {"description": "The address of the new task.", "schema": {"type": "string"}}
                    },
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Task"}}}
                  },
                  "400": {"$ref": "#/components/responses/Problem"},
                  "415": {"$ref": "#/components/responses/Problem"},
                  "422": {"$ref": "#/components/responses/ValidationProblem"}
                }
              }
            },
            "/tasks/{id}": {
              "parameters": [{"$ref": "#/components/parameters/TaskId"}],
              "get": {
                "operationId": "getTask",
                "summary": "Read one task",
                "parameters": [
                  {
                    "name": "If-None-Match",
                    "in": "header",
                    "description": "ETags of the copies the client has; 304 when one is current.",
                    "schema": {"type": "string"}
                  }
                ],
                "responses": {
                  "200": {
                    "description": "The task.",
                    "headers": {"ETag": {"$ref": "#/components/headers/ETag"}},
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Task"}}}
                  },
                  "304": {
                    "description": "The client's copy is current.",
                    "headers": {"ETag": {"$ref": "#/components/headers/ETag"}}
                  },
                  "400": {"$ref": "#/components/responses/Problem"},
                  "404": {"$ref": "#/components/responses/Problem"}
                }
              },
              "put": {
                "operationId": "replaceTask",
                "summary": "Replace a task",
                "parameters": [{"$ref": "#/components/parameters/IfMatch"}],
                "requestBody": {
                  "required": true,
                  "content": {"application/json": {"schema": {"$ref": "#/components/schemas/TaskInput"}}}
                },
                "responses": {
                  "200": {
                    "description": "The new version of the task.",
                    "headers": {"ETag": {"$ref": "#/components/headers/ETag"}},
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Task"}}}
                  },
                  "400": {"$ref": "#/components/responses/Problem"},
                  "404": {"$ref": "#/components/responses/Problem"},
                  "412": {"$ref": "#/components/responses/Problem"},
                  "415": {"$ref": "#/components/responses/Problem"},
                  "422": {"$ref": "#/components/responses/ValidationProblem"}
                }
              },
              "patch": {
                "operationId": "patchTask",
                "summary": "Change some fields of a task (JSON Merge Patch)",
                "parameters": [{"$ref": "#/components/parameters/IfMatch"}],
                "requestBody": {
                  "required": true,
                  "content": {
                    "application/merge-patch+json": {"schema": {"$ref": "#/components/schemas/TaskPatch"}}
                  }
                },
                "responses": {
                  "200": {
                    "description": "The new version of the task.",
                    "headers": {"ETag": {"$ref": "#/components/headers/ETag"}},
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Task"}}}
                  },
                  "400": {"$ref": "#/components/responses/Problem"},
                  "404": {"$ref": "#/components/responses/Problem"},
                  "412": {"$ref": "#/components/responses/Problem"},
                  "415": {"$ref": "#/components/responses/Problem"},
                  "422": {"$ref": "#/components/responses/ValidationProblem"}
                }
              },
              "delete": {
                "operationId": "deleteTask",
                "summary": "Delete a task",
                "parameters": [{"$ref": "#/components/parameters/IfMatch"}],
                "responses": {
                  "204": {"description": "The task was deleted."},
                  "400": {"$ref": "#/components/responses/Problem"},
                  "404": {"$ref": "#/components/responses/Problem"},
                  "412": {"$ref": "#/components/responses/Problem"}
                }
              }
            }
          },
          "components": {
            "schemas": {
              "Status": {"type": "string", "enum": ["todo", "doing", "done"]},
              "Title": {
                "type": "string",
                "minLength": 1,
                "description": "Not empty, and at most 200 characters once the spaces at both ends are removed. A character is what a reader sees (é is one, even when written as e and an accent), so the limit cannot be a maxLength, which counts code points."
              },
              "Username": {"type": "string", "pattern": "^[a-z0-9._-]{1,40}$"},
              "Date": {"type": "string", "format": "date", "examples": ["2026-12-01"]},
              "Task": {
                "type": "object",
                "required": ["id", "title", "status", "assignee", "due"],
                "properties": {
                  "id": {"type": "integer"},
                  "title": {"$ref": "#/components/schemas/Title"},
                  "status": {"$ref": "#/components/schemas/Status"},
                  "assignee": {"oneOf": [{"$ref": "#/components/schemas/Username"}, {"type": "null"}]},
                  "dueDate": {"oneOf": [{"$ref": "#/components/schemas/Date"}, {"type": "null"}]}
                }
              },
              "TaskInput": {
                "type": "object",
                "required": ["title"],
                "properties": {
                  "title": {"$ref": "#/components/schemas/Title"},
                  "status": {"$ref": "#/components/schemas/Status"},
                  "assignee": {"oneOf": [{"$ref": "#/components/schemas/Username"}, {"type": "null"}]},
                  "due": {"oneOf": [{"$ref": "#/components/schemas/Date"}, {"type": "null"}]}
                }
              },
              "TaskPatch": {
                "type": "object",
                "description": "Members to change; null removes an optional member.",
                "properties": {
                  "title": {"$ref": "#/components/schemas/Title"},
                  "status": {"$ref": "#/components/schemas/Status"},
                  "assignee": {"oneOf": [{"$ref": "#/components/schemas/Username"}, {"type": "null"}]},
                  "due": {"oneOf": [{"$ref": "#/components/schemas/Date"}, {"type": "null"}]}
                }
              },
              "TaskList": {
                "type": "object",
                "required": ["items", "next"],
                "properties": {
                  "items": {"type": "array", "items": {"$ref": "#/components/schemas/Task"}},
                  "next": {
                    "type": ["string", "null"],
                    "description": "The address of the next page; null on the last page."
                  }
                }
              },
              "Problem": {
                "type": "object",
                "required": ["type", "title", "status", "detail"],
                "properties": {
                  "type": {"type": "string"},
                  "title": {"type": "string"},
                  "status": {"type": "integer"},
                  "detail": {"type": "string"},
                  "instance": {"type": "string"},
                  "requestId": {"type": "string"},
                  "errors": {
                    "type": "array",
                    "items": {
                      "type": "object",
                      "required": ["field", "message"],
                      "properties": {"field": {"type": "string"}, "message": {"type": "string"}}
                    }
                  }
                }
              }
            },
            "parameters": {
              "TaskId": {
                "name": "id",
                "in": "path",
                "required": true,
                "description": "The id of the task: a whole number that fits in 64 bits.",
                "schema": {"type": "integer", "format": "int64"}
              },
              "IfMatch": {
                "name": "If-Match",
                "in": "header",
                "description": "The ETag of the version the change is based on; 412 when the task has changed since.",
                "schema": {"type": "string"}
              }
            },
            "headers": {
              "ETag": {"description": "The version of the task, such as \"v3\".", "schema": {"type": "string"}}
            },
            "responses": {
              "Problem": {
                "description": "An error, as an RFC 9457 problem document.",
                "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}
              },
              "ValidationProblem": {
                "description": "Some fields are not valid; errors lists every one.",
                "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}
              }
            }
          }
        }
        """#
}

/// The OpenAPI document in `OpenAPI.text` is not valid JSON.
struct OpenAPIError: Error, CustomStringConvertible {
    let reason: String
    var description: String { "The OpenAPI document in OpenAPI.swift is not valid JSON: \(reason)" }
}
