from django.http import JsonResponse
from django.urls import path


def answers(request):
    return JsonResponse({"answers": 42})


urlpatterns = [path("answers.json", answers, name="answers")]
