// django-jalali and jQuery UI expect a global jQuery: give them Django's own.
window.jQuery = window.$ = django.jQuery;
