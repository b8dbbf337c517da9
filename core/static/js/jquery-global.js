// django-jalali and jQuery UI expect a global jQuery: give them Django's own (ECOSYSTEM.md P3).
window.jQuery = window.$ = django.jQuery;
